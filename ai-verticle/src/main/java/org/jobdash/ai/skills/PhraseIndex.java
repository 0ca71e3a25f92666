package org.jobdash.ai.skills;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every alias of every skill in a trie of word keys, so that one scan of a line finds all skills it names: at
 * each word the longest alias starting there (whole words only, never part of a word), then on after it. Time is
 * linear in the line for a bounded alias length. An alias marked case-sensitive matches only as written.
 */
final class PhraseIndex {

  /** An alias ending at a node: the skill, and its words as written when case matters. */
  private record Entry(int skill, List<String> exact, boolean notFirstWord) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    List<Entry> entries;
  }

  /** A skill named in a line, from word {@code from} to before word {@code to}. */
  record Hit(int skill, int from, int to, int start, int end) {}

  private final Node root = new Node();
  private final Map<String, Integer> owners = new HashMap<>();

  /**
   * Adds an alias unless another skill holds the same words (the first one added keeps them); one marked
   * {@code notFirstWord} does not count as a line's first word.
   */
  boolean add(int skill, String alias, boolean caseSensitive, boolean notFirstWord) {
    List<SkillTokens.Token> tokens = SkillTokens.of(alias);
    if (tokens.isEmpty()) {
      return false;
    }
    StringBuilder id = new StringBuilder(caseSensitive ? "=" : "~");
    tokens.forEach(t -> id.append(' ').append(caseSensitive ? t.exact() : t.key()));
    Integer owner = owners.putIfAbsent(id.toString(), skill);
    if (owner != null) {
      return owner == skill;
    }
    Node node = root;
    for (SkillTokens.Token t : tokens) {
      node = node.next.computeIfAbsent(t.key(), k -> new Node());
    }
    if (node.entries == null) {
      node.entries = new ArrayList<>(1);
    }
    node.entries.add(new Entry(skill, caseSensitive ? tokens.stream().map(SkillTokens.Token::exact).toList() : null,
        notFirstWord));
    return true;
  }

  List<Hit> scan(List<SkillTokens.Token> tokens) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Node node = root;
      int bestEnd = -1;
      int bestSkill = -1;
      for (int j = i; j < tokens.size(); j++) {
        node = node.next.get(tokens.get(j).key());
        if (node == null) {
          break;
        }
        if (node.entries != null) {
          for (Entry e : node.entries) {
            if ((e.exact() == null || sameAsWritten(e.exact(), tokens, i)) && !(e.notFirstWord() && i == 0)) {
              bestEnd = j + 1;
              bestSkill = e.skill();
              break;
            }
          }
        }
      }
      if (bestEnd > 0) {
        hits.add(new Hit(bestSkill, i, bestEnd, tokens.get(i).start(), tokens.get(bestEnd - 1).end()));
        i = bestEnd;
      } else {
        i++;
      }
    }
    return hits;
  }

  private static boolean sameAsWritten(List<String> exact, List<SkillTokens.Token> tokens, int from) {
    for (int k = 0; k < exact.size(); k++) {
      if (!exact.get(k).equals(tokens.get(from + k).exact())) {
        return false;
      }
    }
    return true;
  }
}
