package org.jobdash.ai.skills;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.embedding.Vectors;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The skills of every trade (resource {@code skills/taxonomy.json}): names, aliases and categories. Finds skills
 * in a text by phrase (whole words, aliases, case-insensitive unless the alias is an acronym or marked
 * case-sensitive) and by embedding similarity against each skill's vector, computed once per JVM on first use.
 * Loading and matching are CPU and IO work: call from a worker thread. Matching is plain string search, linear in
 * the text for each alias, and checks its deadline skill by skill.
 */
public final class SkillTaxonomy {

  /** Below this cosine similarity a text segment is not taken as evidence of a skill. */
  static final double SEMANTIC_THRESHOLD = 0.62;

  private static SkillTaxonomy shared;

  /** One skill category (a trade or a family of skills). */
  public record Category(String id, String label, List<String> advice, List<Skill> skills) {}

  /** One skill; {@code index} is its position in the taxonomy. */
  public record Skill(int index, String name, String category, List<Alias> aliases) {}

  /** A name to look for: lower-cased unless it only matches as written. */
  public record Alias(String text, boolean caseSensitive) {}

  /** A skill found in a text: how, and from what part of it. */
  public record Found(Skill skill, String matchedBy, String evidence, double confidence) {
    public JsonObject toJson() {
      return new JsonObject().put("name", skill.name()).put("category", skill.category()).put("matchedBy", matchedBy)
          .put("evidence", evidence).put("confidence", Math.round(confidence * 1000) / 1000.0);
    }
  }

  private final Map<String, Category> categories;
  private final List<Skill> skills;
  private float[][] vectors;

  private SkillTaxonomy(Map<String, Category> categories, List<Skill> skills) {
    this.categories = categories;
    this.skills = skills;
  }

  /** The taxonomy of this JVM, read from the classpath on first use. */
  public static synchronized SkillTaxonomy shared() {
    if (shared == null) {
      shared = parse(read("skills/taxonomy.json"));
    }
    return shared;
  }

  static SkillTaxonomy parse(JsonObject json) {
    Map<String, Category> categories = new LinkedHashMap<>();
    List<Skill> skills = new ArrayList<>();
    for (Object c : json.getJsonArray("categories")) {
      JsonObject cat = (JsonObject) c;
      String id = cat.getString("id");
      List<Skill> mine = new ArrayList<>();
      for (Object s : cat.getJsonArray("skills")) {
        JsonArray names = (JsonArray) s;
        List<Alias> aliases = new ArrayList<>();
        for (Object n : names) {
          aliases.add(alias((String) n));
        }
        Skill skill = new Skill(skills.size(), display((String) names.getValue(0)), id, List.copyOf(aliases));
        skills.add(skill);
        mine.add(skill);
      }
      List<String> advice = cat.getJsonArray("advice", new JsonArray()).stream().map(String::valueOf).toList();
      categories.put(id, new Category(id, cat.getString("label"), advice, List.copyOf(mine)));
    }
    return new SkillTaxonomy(categories, List.copyOf(skills));
  }

  private static String display(String name) {
    return name.startsWith("=") ? name.substring(1) : name;
  }

  private static Alias alias(String raw) {
    String name = Words.collapseSpaces(display(raw)).strip();
    boolean acronym = name.length() <= 4 && name.equals(name.toUpperCase(Locale.ROOT))
        && name.chars().anyMatch(Character::isLetter);
    boolean exact = raw.startsWith("=") || acronym;
    return new Alias(exact ? name : name.toLowerCase(Locale.ROOT), exact);
  }

  public Category category(String id) {
    return categories.get(id);
  }

  /** The skills named in the text, in taxonomy order, each with the alias and line that named it. */
  public List<Found> findByPhrase(String text, Deadline deadline) {
    String exact = blanksAsOneSpace(text);
    String lower = exact.toLowerCase(Locale.ROOT);
    List<Found> found = new ArrayList<>();
    for (Skill skill : skills) {
      deadline.check();
      for (Alias alias : skill.aliases()) {
        int at = indexOfWord(alias.caseSensitive() ? exact : lower, alias.text());
        if (at >= 0) {
          found.add(new Found(skill, "phrase", lineAround(exact, at), 1.0));
          break;
        }
      }
    }
    return found;
  }

  /**
   * Skills not already found whose vector is close to one of the text's segment vectors; one match per skill,
   * with the closest segment as evidence.
   */
  public List<Found> findBySimilarity(List<String> segments, List<float[]> segmentVectors, List<Found> already,
                                      Deadline deadline) {
    float[][] skillVectors = vectors();
    boolean[] known = new boolean[skills.size()];
    already.forEach(f -> known[f.skill().index()] = true);
    List<Found> found = new ArrayList<>();
    for (Skill skill : skills) {
      deadline.check();
      if (known[skill.index()]) {
        continue;
      }
      double best = 0;
      int bestSegment = -1;
      for (int i = 0; i < segmentVectors.size(); i++) {
        double sim = Vectors.cosine(skillVectors[skill.index()], segmentVectors.get(i));
        if (sim > best) {
          best = sim;
          bestSegment = i;
        }
      }
      if (best >= SEMANTIC_THRESHOLD) {
        found.add(new Found(skill, "semantic", segments.get(bestSegment), best));
      }
    }
    return found;
  }

  /** The skill vectors, computed with the local model on the calling (worker) thread the first time. */
  private synchronized float[][] vectors() {
    if (vectors == null) {
      List<String> names = skills.stream().map(Skill::name).toList();
      List<MiniLm.Embedded> embedded = MiniLm.loaded().embedAll(names);
      float[][] out = new float[embedded.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = embedded.get(i).vector();
      }
      vectors = out;
    }
    return vectors;
  }

  /** Each run of spaces, tabs and no-break spaces as one space: {@code text.replaceAll("[ \\t\\u00a0]+", " ")}. */
  private static String blanksAsOneSpace(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean blank = c == ' ' || c == '\t' || c == '\u00a0';
      if (!blank) {
        b.append(c);
      } else if (!inRun) {
        b.append(' ');
      }
      inRun = blank;
    }
    return b.toString();
  }

  /** The first occurrence of {@code word} in {@code text} not inside a longer word, or -1. */
  static int indexOfWord(String text, String word) {
    int from = 0;
    while (true) {
      int at = text.indexOf(word, from);
      if (at < 0) {
        return -1;
      }
      int end = at + word.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
          || !Character.isLetterOrDigit(word.charAt(0));
      boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))
          || !Character.isLetterOrDigit(word.charAt(word.length() - 1));
      if (startOk && endOk) {
        return at;
      }
      from = at + 1;
    }
  }

  private static String lineAround(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    String line = text.substring(start, end < 0 ? text.length() : end).strip();
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }

  private static JsonObject read(String resource) {
    try (InputStream in = SkillTaxonomy.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
