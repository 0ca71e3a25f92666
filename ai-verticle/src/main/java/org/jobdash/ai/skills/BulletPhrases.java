package org.jobdash.ai.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The things an experience bullet says were done, read as its verb's objects: "Complete medicines reconciliation on
 * admission" → "medicines reconciliation"; "Manage controlled drugs registers and ward stock top-ups" → both. The
 * bullet's first word is taken as its verb (a particle after it skipped), the objects run until a preposition, a
 * number or punctuation, are split at "and", and lose their determiners; only objects of two to four plain words
 * count. Plain code over the line's words.
 */
public final class BulletPhrases {

  private static final Set<String> STOPS = Set.of("in", "on", "at", "for", "from", "with", "to", "across", "per",
      "under", "using", "by", "into", "through", "within", "while", "including", "during", "over", "via", "as",
      "after", "before", "between", "against", "of", "so", "that", "which", "who", "where", "when", "up");
  private static final Set<String> PARTICLES = Set.of("out", "up", "on", "off", "down");
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "our", "their", "its", "his", "her",
      "all", "each", "every", "new", "daily", "weekly", "monthly", "annual", "quarterly", "this", "these", "those",
      "any", "some", "several", "multiple", "various");
  /** Objects that name people or places, not skills. */
  private static final Set<String> NOT_SKILLS = Set.of("patient", "staff", "team", "customer", "client", "colleague",
      "manager", "member", "people", "pupil", "student", "child", "resident", "user", "guest", "family", "colleagues",
      "assistant", "engineer", "day", "week", "month", "year", "shift", "site", "store", "office", "home");

  private BulletPhrases() {}

  /** The object phrases of a bullet's text (its marker already cut off), each as {start, end} in {@code body}. */
  public static List<int[]> of(String body) {
    List<SkillTokens.Token> tokens = SkillTokens.of(body);
    List<int[]> out = new ArrayList<>();
    if (tokens.size() < 2) {
      return out;
    }
    int i = 1;
    if (PARTICLES.contains(tokens.get(1).key())) {
      i = 2;
    }
    int start = -1;
    int words = 0;
    boolean plain = true;
    for (; i <= tokens.size(); i++) {
      SkillTokens.Token t = i < tokens.size() ? tokens.get(i) : null;
      boolean gap = t != null && i > 0 && punctuationBetween(body, tokens.get(i - 1).end(), t.start());
      boolean stop = t == null || gap || STOPS.contains(t.key()) || "and".equals(t.key())
          || t.exact().chars().anyMatch(Character::isDigit);
      if (stop) {
        if (start >= 0 && words >= 2 && words <= 4 && plain
            && !NOT_SKILLS.contains(tokens.get(i - 1).key())) {
          out.add(new int[] {tokens.get(start).start(), tokens.get(i - 1).end()});
        }
        start = -1;
        words = 0;
        plain = true;
        if (t == null || (!"and".equals(t.key()) && !gap)) {
          break;
        }
        if ("and".equals(t.key())) {
          continue;
        }
      }
      if (start < 0 && DETERMINERS.contains(t.key())) {
        continue;
      }
      if (start < 0) {
        start = i;
      }
      words++;
      plain &= t.exact().chars().allMatch(c -> Character.isLetter(c) || c == '-');
    }
    return out;
  }

  /** Whether a comma, semicolon, colon, bracket or dash stands between two words. */
  private static boolean punctuationBetween(String body, int from, int to) {
    for (int k = from; k < to; k++) {
      if (",;:()—–".indexOf(body.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
