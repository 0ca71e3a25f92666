package org.jobdash.ai.skills;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The skills of every trade: the curated {@code skills/taxonomy.json} and {@code skills/trades.json} (names, aliases,
 * categories, advice) and the product names of O*NET's technology skills ({@code skills/onet-technology.tsv.gz},
 * CC BY 4.0, see {@code skills/NOTICE.md}). Finds skills in a text by phrase — whole words through one
 * {@link PhraseIndex} scan per line, case-insensitive unless the alias is an acronym, a product name or marked
 * case-sensitive. Never by embedding similarity alone: a near neighbour in vector space is often a skill of another
 * trade. Loaded once per JVM on first use (from a worker thread: loading and matching are CPU and IO work).
 */
public final class SkillTaxonomy {

  /** The category of O*NET's product names, which says nothing about the trade. */
  public static final String TOOLS = "tools";
  /** The category of skills a résumé or a job lists that no taxonomy names. */
  public static final String OTHER = "other";

  private static SkillTaxonomy shared;

  /** One skill category (a trade or a family of skills). */
  public record Category(String id, String label, List<String> advice, List<Skill> skills) {}

  /** One skill; {@code index} is its position in the taxonomy (-1 for a skill named only by the text). */
  public record Skill(int index, String name, String category, List<Alias> aliases) {
    /** A skill no taxonomy lists, named as the text names it. */
    public static Skill unlisted(String name) {
      return new Skill(-1, name, OTHER, List.of());
    }
  }

  /** A name to look for: lower-cased unless it only matches as written. */
  public record Alias(String text, boolean caseSensitive) {}

  /**
   * A skill found in a text: how ({@code phrase}, or {@code listed}: an item of a skills list no taxonomy names), the line that is the evidence, how much it weighs and in which section it stood.
   */
  public record Found(Skill skill, String matchedBy, String evidence, double confidence, String section) {
    public Found(Skill skill, String matchedBy, String evidence, double confidence) {
      this(skill, matchedBy, evidence, confidence, null);
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("name", skill.name()).put("category", skill.category())
          .put("matchedBy", matchedBy).put("evidence", evidence)
          .put("confidence", Math.round(confidence * 1000) / 1000.0);
      return section == null ? json : json.put("section", section);
    }
  }

  private final Map<String, Category> categories;
  private final List<Skill> skills;
  private final PhraseIndex index;

  private SkillTaxonomy(Map<String, Category> categories, List<Skill> skills) {
    this.categories = categories;
    this.skills = skills;
    this.index = new PhraseIndex();
    // a curated skill's own name first: it beats another skill's alias ("Power BI" is its own skill, not business
    // intelligence); O*NET's names come after every curated alias
    for (Skill s : skills) {
      if (!TOOLS.equals(s.category())) {
        index.add(s.index(), s.aliases().get(0).text(), s.aliases().get(0).caseSensitive(), false);
      }
    }
    for (Skill s : skills) {
      for (Alias a : s.aliases()) {
        index.add(s.index(), a.text(), a.caseSensitive(), notFirstWord(s, a));
      }
    }
  }

  /** The taxonomy of this JVM, read from the classpath on first use. */
  public static synchronized SkillTaxonomy shared() {
    if (shared == null) {
      shared = load(List.of(read("skills/taxonomy.json"), read("skills/trades.json")),
          readLines("skills/onet-technology.tsv.gz"));
    }
    return shared;
  }

  static SkillTaxonomy parse(JsonObject json) {
    return load(List.of(json), List.of());
  }

  /**
   * Curated documents in order (a category id seen again gains skills; a skill name seen again gains aliases), then
   * O*NET's lines ({@code name TAB aliases|… TAB commodity TAB hot}), whose names and aliases match only as written.
   */
  static SkillTaxonomy load(List<JsonObject> documents, List<String> onet) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, List<String>> advice = new LinkedHashMap<>();
    Map<String, List<Skill>> byCategory = new LinkedHashMap<>();
    Map<String, Integer> byName = new HashMap<>();
    List<Skill> skills = new ArrayList<>();
    for (JsonObject json : documents) {
      for (Object c : json.getJsonArray("categories")) {
        JsonObject cat = (JsonObject) c;
        String id = cat.getString("id");
        labels.putIfAbsent(id, cat.getString("label"));
        List<String> tips = advice.computeIfAbsent(id, k -> new ArrayList<>());
        cat.getJsonArray("advice", new JsonArray()).forEach(a -> tips.add(String.valueOf(a)));
        for (Object s : cat.getJsonArray("skills")) {
          JsonArray names = (JsonArray) s;
          List<Alias> aliases = new ArrayList<>();
          names.forEach(n -> aliases.add(alias((String) n)));
          add(skills, byName, byCategory, display(names.getString(0)), id, aliases);
        }
      }
    }
    for (String line : onet) {
      String[] f = line.split("\t", -1);
      if (f.length < 2 || f[0].isBlank()) {
        continue;
      }
      List<Alias> aliases = new ArrayList<>();
      aliases.add(new Alias(f[0], true));
      for (String a : f[1].split("\\|")) {
        if (!a.isBlank()) {
          aliases.add(new Alias(a, true));
        }
      }
      labels.putIfAbsent(TOOLS, "Software and Tools");
      add(skills, byName, byCategory, f[0], TOOLS, aliases);
    }
    labels.putIfAbsent(OTHER, "Other Skills");
    Map<String, Category> categories = new LinkedHashMap<>();
    labels.forEach((id, label) -> categories.put(id, new Category(id, label,
        List.copyOf(advice.getOrDefault(id, List.of())), List.copyOf(byCategory.getOrDefault(id, List.of())))));
    return new SkillTaxonomy(categories, List.copyOf(skills));
  }

  private static void add(List<Skill> skills, Map<String, Integer> byName, Map<String, List<Skill>> byCategory,
                          String name, String category, List<Alias> aliases) {
    String key = name.toLowerCase(Locale.ROOT);
    Integer known = byName.get(key);
    if (known != null) {
      Skill old = skills.get(known);
      List<Alias> merged = new ArrayList<>(old.aliases());
      aliases.stream().filter(a -> !merged.contains(a)).forEach(merged::add);
      Skill updated = new Skill(old.index(), old.name(), old.category(), List.copyOf(merged));
      skills.set(known, updated);
      List<Skill> mine = byCategory.get(old.category());
      mine.set(mine.indexOf(old), updated);
      return;
    }
    Skill skill = new Skill(skills.size(), name, category, List.copyOf(aliases));
    byName.put(key, skill.index());
    skills.add(skill);
    byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(skill);
  }

  /**
   * A product name that is one capitalised word ("Contribute", "Mechanical") reads as that word at the start of a
   * line, where every word is capitalised: there it is no evidence of the product.
   */
  private static boolean notFirstWord(Skill skill, Alias alias) {
    String a = alias.text();
    return TOOLS.equals(skill.category()) && alias.caseSensitive() && a.indexOf(' ') < 0 && a.length() > 1
        && Character.isUpperCase(a.charAt(0)) && a.substring(1).chars().allMatch(Character::isLowerCase);
  }

  private static String display(String name) {
    return name.startsWith("=") ? name.substring(1) : name;
  }

  private static Alias alias(String raw) {
    String name = Words.collapseSpaces(display(raw)).strip();
    // "PLC", "KPIs": an acronym, or its plural, matches only as written ("Next plc" is no PLC)
    String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    boolean acronym = singular.length() <= 4 && singular.length() >= 2 && singular.equals(singular.toUpperCase(Locale.ROOT))
        && singular.chars().anyMatch(Character::isLetter) && singular.indexOf(' ') < 0;
    boolean exact = raw.startsWith("=") || acronym;
    return new Alias(exact ? name : name.toLowerCase(Locale.ROOT), exact);
  }

  public Category category(String id) {
    return categories.get(id);
  }

  public Skill skill(int index) {
    return skills.get(index);
  }

  public int size() {
    return skills.size();
  }

  /** Every skill a line names, left to right, longest alias first at each word. */
  public List<PhraseHit> scan(String line) {
    List<SkillTokens.Token> tokens = SkillTokens.of(line);
    List<PhraseHit> out = new ArrayList<>();
    for (PhraseIndex.Hit h : index.scan(tokens)) {
      out.add(new PhraseHit(skills.get(h.skill()), h.start(), h.end()));
    }
    return out;
  }

  /** Words that say what kind of thing is asked for, not which: they narrow nothing. */
  private static final Set<String> GENERIC = Set.of("certificate", "certification", "certified",
      "qualification", "qualified", "licence", "license", "card", "training", "trained", "experience", "skill",
      "knowledge", "registration", "registered", "holder", "ticket", "award", "and", "or", "of", "in", "with", "the",
      "a", "an", "to", "for", "on", "at", "strong", "good", "proven", "excellent", "working", "level", "accurate",
      "high", "quality", "full", "clean", "valid", "current", "relevant", "previous", "solid", "advanced", "basic",
      "general", "effective", "safe", "uk", "us", "eu", "own", "your", "our", "all", "any", "some", "practical",
      "demonstrable", "extensive", "confident", "sound", "thorough", "wide", "broad", "deep", "hands");

  /**
   * The narrower thing a phrase that is no list ("A, B and C") names when words right before one of its taxonomy
   * skills modify it ("orbital welding" is more than "welding"): those words and the skill; null when none do.
   * Verbs in "-ing", function words and words saying only how much ("accurate", "full UK") modify nothing.
   */
  public String narrower(String phrase) {
    String lower = phrase.toLowerCase(Locale.ROOT);
    if (phrase.indexOf(',') >= 0 || phrase.indexOf('/') >= 0 || phrase.indexOf('&') >= 0
        || lower.contains(" and ") || lower.contains(" or ")) {
      return null;
    }
    List<SkillTokens.Token> tokens = SkillTokens.of(phrase);
    for (PhraseHit h : scan(phrase)) {
      int first = -1;
      for (int i = 0; i < tokens.size(); i++) {
        if (tokens.get(i).start() == h.start()) {
          first = i;
        }
      }
      int from = first;
      while (from > 0 && modifies(tokens.get(from - 1))) {
        from--;
      }
      if (from >= 0 && from < first) {
        return phrase.substring(tokens.get(from).start(), h.end());
      }
    }
    return null;
  }

  private static boolean modifies(SkillTokens.Token t) {
    String k = t.key();
    return !GENERIC.contains(k) && !k.endsWith("ing") && t.exact().chars().allMatch(Character::isLetter)
        && k.length() > 2;
  }

  /** A skill named in a line between {@code start} and {@code end}. */
  public record PhraseHit(Skill skill, int start, int end) {}

  /** The skills named in the text, in taxonomy order, each with the line that first named it. */
  public List<Found> findByPhrase(String text, Deadline deadline) {
    Map<Integer, Found> found = new LinkedHashMap<>();
    for (String raw : Lines.split(text)) {
      deadline.check();
      String line = Lines.capped(raw);
      for (PhraseHit h : scan(line)) {
        found.putIfAbsent(h.skill().index(), new Found(h.skill(), "phrase", evidence(line), 1.0));
      }
    }
    return found.values().stream().sorted(Comparator.comparingInt(f -> f.skill().index())).toList();
  }

  /** A line as evidence: stripped, at most 160 characters. */
  public static String evidence(String line) {
    String s = Words.collapseSpaces(line).strip();
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  private static JsonObject read(String resource) {
    try (InputStream in = open(resource)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static List<String> readLines(String resource) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(open(resource)),
        StandardCharsets.UTF_8))) {
      return in.lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = SkillTaxonomy.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return in;
  }
}
