package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonObject;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.skills.SkillTaxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a template's rules to a résumé, deterministically: weak openers become the template's strong verbs,
 * avoid-phrases go, keywords the job asks for (and the user's own) join the skills line, sections follow the
 * template's order, and the tone setting trims or formalises wording. Sections the user asked to preserve are
 * left alone. Every change is listed with its reason.
 */
public final class TemplateOptimizer {

  /** Weak openers, longest first, so that "helped with" wins over "helped". */
  private static final List<String> OPENERS = List.of("responsible for", "duties included", "duties include",
      "helped with", "assisted with", "tasked with", "in charge of", "worked on", "helped to", "helped");
  private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("leading", "Led"),
      Map.entry("running", "Ran"), Map.entry("making", "Made"), Map.entry("building", "Built"),
      Map.entry("teaching", "Taught"), Map.entry("writing", "Wrote"), Map.entry("selling", "Sold"),
      Map.entry("keeping", "Kept"), Map.entry("taking", "Took"), Map.entry("giving", "Gave"),
      Map.entry("setting", "Set"), Map.entry("cutting", "Cut"), Map.entry("overseeing", "Oversaw"),
      Map.entry("driving", "Drove"), Map.entry("bringing", "Brought"), Map.entry("buying", "Bought"),
      Map.entry("meeting", "Met"), Map.entry("holding", "Held"), Map.entry("winning", "Won"),
      Map.entry("feeding", "Fed"), Map.entry("sending", "Sent"), Map.entry("paying", "Paid"));
  private static final Pattern BULLET = Pattern.compile("^(\\s*(?:[-•*·▪◦‣–]|\\d+[.)])?\\s*)(.*)$");
  private static final Map<String, String> SECTION_ALIASES = Map.of("licenses_certifications", "certifications",
      "internships_experience", "experience", "relevant_training", "education", "board_positions", "experience",
      "activities", "volunteer");
  private static final Map<String, String> FORMAL = Map.of("don't", "do not", "can't", "cannot", "won't", "will not",
      "I'm", "I am", "I've", "I have", "it's", "it is", "didn't", "did not", "isn't", "is not");
  private static final Pattern DANGLING = Pattern.compile(
      "(?i)(\\s+(who|which|that|is|are|am|was|and|or|with|a|an|the|to|of|for|about|very|really|being|as))+[,;]?\\s*$");
  private static final List<String> FILLER = List.of("successfully ", "effectively ", "various ", "very ",
      "really ", "basically ");

  /** The optimised text and its changes. */
  public record Result(String text, List<JsonObject> changes) {}

  private record Section(String kind, String heading, List<String> lines) {}

  private TemplateOptimizer() {}

  public static Result optimize(String resume, Template template, String jobDescription, Settings settings,
                                SkillTaxonomy taxonomy) {
    List<JsonObject> changes = new ArrayList<>();
    List<Section> sections = split(resume);
    Set<String> preserved = new LinkedHashSet<>();
    settings.preserveSections().forEach(s -> preserved.add(kindOf(s)));
    List<String> verbs = template.rule("action_verbs");
    int[] verbTurn = {0};
    List<String> avoid = template.rule("avoid_phrases");
    for (Section section : sections) {
      if (preserved.contains(section.kind())) {
        continue;
      }
      String where = section.heading() == null ? "header" : section.heading();
      for (int i = 0; i < section.lines().size(); i++) {
        String before = section.lines().get(i);
        String line = strengthenOpener(before, verbs, verbTurn);
        if (!line.equals(before)) {
          changes.add(change(where, "modified", before, line, "replaced a weak opener with a strong verb from the '"
              + template.name() + "' template"));
        }
        String cleaned = removeAvoided(line, avoid);
        if (!cleaned.equals(line)) {
          boolean gone = cleaned.replaceAll("[\\p{Punct}\\s]", "").isEmpty();
          changes.add(change(where, gone ? "removed" : "modified", line, gone ? null : cleaned,
              "removed a phrase the template advises against"));
          cleaned = gone ? null : cleaned;
        }
        if (cleaned != null) {
          String toned = tone(cleaned, settings.tone());
          if (!toned.equals(cleaned)) {
            changes.add(change(where, "modified", cleaned, toned, "adjusted wording to the '" + settings.tone()
                + "' tone"));
          }
          cleaned = toned;
        }
        section.lines().set(i, cleaned);
      }
      section.lines().removeIf(l -> l == null);
    }
    if (!"light".equals(settings.level())) {
      addKeywords(sections, resume, template, jobDescription, settings, taxonomy, preserved, changes);
      reorder(sections, template, changes);
    }
    return new Result(join(sections), List.copyOf(changes));
  }

  static String strengthenOpener(String line, List<String> verbs, int[] turn) {
    Matcher m = BULLET.matcher(line);
    if (!m.matches()) {
      return line;
    }
    String prefix = m.group(1);
    String body = m.group(2);
    String lower = body.toLowerCase(Locale.ROOT);
    for (String opener : OPENERS) {
      if (lower.startsWith(opener + " ")) {
        String rest = body.substring(opener.length() + 1).strip();
        String[] words = rest.split("\\s+", 2);
        String verb = pastTense(words[0]);
        if (verb != null) {
          return prefix + verb + (words.length > 1 ? " " + words[1] : "");
        }
        if (verbs.isEmpty()) {
          return line;
        }
        String chosen = verbs.get(turn[0]++ % verbs.size());
        return prefix + chosen + " " + rest;
      }
    }
    return line;
  }

  /** "managing" → "Managed"; null when the word is not a gerund. */
  static String pastTense(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (!w.endsWith("ing") || w.length() < 6) {
      return null;
    }
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    // "managing" → "manag" + "ed", "planning" → "plann" + "ed", "supplying" → "suppli" + "ed"
    String stem = w.substring(0, w.length() - 3);
    boolean consonantY = stem.endsWith("y") && "aeiou".indexOf(stem.charAt(stem.length() - 2)) < 0;
    String past = (consonantY ? stem.substring(0, stem.length() - 1) + "i" : stem) + "ed";
    return Character.toUpperCase(past.charAt(0)) + past.substring(1);
  }

  static String removeAvoided(String line, List<String> avoid) {
    String out = line;
    for (String phrase : avoid) {
      Pattern p = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])[,;]?\\s*");
      out = p.matcher(out).replaceAll("");
    }
    if (out.equals(line)) {
      return line;
    }
    out = out.replaceAll("\\s{2,}", " ").replaceAll("\\s+([,.;])", "$1").replaceAll("^([-•*·▪◦‣–]\\s*)[,;]\\s*", "$1")
        .replaceAll("[,;]\\s*$", "").stripTrailing();
    // what the phrase leaves dangling goes too: "Team player who is passionate about food" → "Team player"
    out = DANGLING.matcher(out).replaceAll("");
    Matcher m = BULLET.matcher(out);
    if (m.matches() && !m.group(2).isEmpty()) {
      out = m.group(1) + Character.toUpperCase(m.group(2).charAt(0)) + m.group(2).substring(1);
    }
    return out;
  }

  private static String tone(String line, String tone) {
    String out = line;
    if ("concise".equals(tone)) {
      for (String f : FILLER) {
        out = out.replaceAll("(?i)\\b" + Pattern.quote(f), "");
      }
    } else if ("formal".equals(tone)) {
      for (Map.Entry<String, String> e : FORMAL.entrySet()) {
        out = out.replaceAll("(?i)\\b" + Pattern.quote(e.getKey()) + "\\b", e.getValue());
      }
    }
    return out;
  }

  private static void addKeywords(List<Section> sections, String resume, Template template, String job,
                                  Settings settings, SkillTaxonomy taxonomy, Set<String> preserved,
                                  List<JsonObject> changes) {
    String resumeLower = resume.toLowerCase(Locale.ROOT);
    Set<String> wanted = new LinkedHashSet<>();
    if (job != null) {
      taxonomy.findByPhrase(job).forEach(f -> wanted.add(f.skill().name()));
      String jobLower = job.toLowerCase(Locale.ROOT);
      template.rule("keywords").stream().filter(k -> jobLower.contains(k.toLowerCase(Locale.ROOT))).forEach(wanted::add);
    }
    wanted.addAll(settings.customKeywords());
    if ("aggressive".equals(settings.level())) {
      template.rule("keywords").stream().limit(5).forEach(wanted::add);
    }
    List<String> present = taxonomy.findByPhrase(resume).stream().map(f -> f.skill().name()).toList();
    List<String> missing = wanted.stream()
        .filter(k -> !present.contains(k) && !resumeLower.contains(k.toLowerCase(Locale.ROOT)))
        .limit(12).toList();
    if (missing.isEmpty() || preserved.contains("skills")) {
      return;
    }
    String keywords = String.join(", ", missing);
    Section skills = sections.stream().filter(s -> "skills".equals(s.kind())).findFirst().orElse(null);
    String reason = "named in the job description or your keywords; keep only what you really have";
    if (skills == null) {
      Section created = new Section("skills", "Skills", new ArrayList<>(List.of(keywords)));
      int at = sections.size();
      for (int i = 0; i < sections.size(); i++) {
        if ("experience".equals(sections.get(i).kind())) {
          at = i;
          break;
        }
      }
      sections.add(Math.max(1, Math.min(at, sections.size())), created);
      changes.add(change("Skills", "added", null, keywords, "added a Skills section with keywords " + reason));
      return;
    }
    int line = -1;
    for (int i = 0; i < skills.lines().size(); i++) {
      if (!skills.lines().get(i).isBlank()) {
        line = i;
        break;
      }
    }
    if (line < 0) {
      skills.lines().add(0, keywords);
      changes.add(change(skills.heading(), "added", null, keywords, "added keywords " + reason));
    } else {
      String before = skills.lines().get(line);
      String after = before.stripTrailing().replaceAll("[.;,]$", "") + ", " + keywords;
      skills.lines().set(line, after);
      changes.add(change(skills.heading(), "modified", before, after, "added keywords " + reason));
    }
  }

  private static void reorder(List<Section> sections, Template template, List<JsonObject> changes) {
    List<String> order = new ArrayList<>();
    for (String name : template.rule("section_order")) {
      String kind = kindOf(name);
      if (kind != null && !order.contains(kind)) {
        order.add(kind);
      }
    }
    if (order.isEmpty() || sections.size() < 3) {
      return;
    }
    List<String> before = sections.stream().skip(1).map(Section::kind).toList();
    List<Section> body = new ArrayList<>(sections.subList(1, sections.size()));
    body.sort((a, b) -> Integer.compare(rank(order, a.kind()), rank(order, b.kind())));
    List<String> after = body.stream().map(Section::kind).toList();
    if (!before.equals(after)) {
      Section preamble = sections.get(0);
      sections.clear();
      sections.add(preamble);
      sections.addAll(body);
      changes.add(change("all", "modified", String.join(", ", before), String.join(", ", after),
          "ordered the sections as the '" + template.name() + "' template recommends"));
    }
  }

  private static int rank(List<String> order, String kind) {
    int i = order.indexOf(kind);
    return i < 0 ? order.size() : i;
  }

  /** The canonical section kind of a template's or user's section name ({@code clinical_experience} → experience). */
  static String kindOf(String name) {
    String alias = SECTION_ALIASES.get(name);
    if (alias != null) {
      return alias;
    }
    if ("contact".equals(name)) {
      return "contact";
    }
    String kind = ContentAnalyzer.sectionOf(name.replace('_', ' '));
    return kind == null ? name : kind;
  }

  private static List<Section> split(String text) {
    List<Section> sections = new ArrayList<>();
    Section current = new Section("contact", null, new ArrayList<>());
    sections.add(current);
    for (String line : text.split("\\R", -1)) {
      String kind = line.isBlank() ? null : ContentAnalyzer.sectionOf(line);
      if (kind != null) {
        current = new Section(kind, line.strip(), new ArrayList<>());
        sections.add(current);
      } else {
        current.lines().add(line);
      }
    }
    return sections;
  }

  private static String join(List<Section> sections) {
    StringBuilder b = new StringBuilder();
    for (Section s : sections) {
      List<String> lines = new ArrayList<>(s.lines());
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      if (s.heading() == null && lines.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append("\n\n");
      }
      if (s.heading() != null) {
        b.append(s.heading()).append('\n');
      }
      while (!lines.isEmpty() && lines.get(0).isBlank()) {
        lines.remove(0);
      }
      b.append(String.join("\n", lines));
    }
    return b.toString().strip() + "\n";
  }

  private static JsonObject change(String section, String type, String oldValue, String newValue, String reason) {
    return new JsonObject().put("section", section).put("changeType", type).put("oldValue", oldValue)
        .put("newValue", newValue).put("reason", reason);
  }
}
