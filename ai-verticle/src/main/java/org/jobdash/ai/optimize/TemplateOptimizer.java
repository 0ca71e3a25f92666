package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonObject;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.VerbTenses;
import org.jobdash.ai.text.WeakOpeners;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a template's rules to a résumé, deterministically: weak openers become the template's strong verbs,
 * avoid-phrases go, keywords the job asks for (and the user's own) join the skills line, sections follow the
 * template's order, and the tone setting trims or formalises wording. Sections the user asked to preserve are
 * left alone, and so is a line longer than {@link Lines#MAX_LINE_CHARS}. Every change is listed with its reason. Each
 * rule is plain code that reads a line once (no regular expressions), and the deadline is checked line by line.
 */
public final class TemplateOptimizer {

  private static final Map<String, String> SECTION_ALIASES = Map.of("licenses_certifications", "certifications",
      "internships_experience", "experience", "relevant_training", "education", "board_positions", "experience",
      "activities", "volunteer");
  private static final Map<String, String> FORMAL = Map.of("don't", "do not", "can't", "cannot", "won't", "will not",
      "I'm", "I am", "I've", "I have", "it's", "it is", "didn't", "did not", "isn't", "is not");
  /** Words that cannot end a line once a phrase after them is gone. */
  private static final Set<String> DANGLING = Set.of("who", "which", "that", "is", "are", "am", "was", "and", "or",
      "with", "a", "an", "the", "to", "of", "for", "about", "very", "really", "being", "as");
  private static final List<String> FILLER = List.of("successfully ", "effectively ", "various ", "very ",
      "really ", "basically ");

  /** The optimised text and its changes. */
  public record Result(String text, List<JsonObject> changes) {}

  private record Section(String kind, String heading, List<String> lines) {}

  private TemplateOptimizer() {}

  public static Result optimize(String resume, Template template, String jobDescription, Settings settings,
                                SkillTaxonomy taxonomy, Deadline deadline) {
    List<JsonObject> changes = new ArrayList<>();
    List<Section> sections = split(resume, deadline);
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
        deadline.check();
        String before = section.lines().get(i);
        if (before.length() > Lines.MAX_LINE_CHARS) {
          continue;
        }
        String line = strengthenOpener(before, verbs, verbTurn);
        if (!line.equals(before)) {
          changes.add(change(where, "modified", before, line, "replaced a weak opener with a strong verb from the '"
              + template.name() + "' template"));
        }
        String cleaned = removeAvoided(line, avoid);
        if (!cleaned.equals(line)) {
          boolean gone = onlyPunctuationAndSpace(cleaned);
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
      addKeywords(sections, resume, template, jobDescription, settings, taxonomy, preserved, changes, deadline);
      reorder(sections, template, changes);
    }
    return new Result(join(sections), List.copyOf(changes));
  }

  static String strengthenOpener(String line, List<String> verbs, int[] turn) {
    int bodyStart = dutyStart(line);
    String prefix = line.substring(0, bodyStart);
    String body = line.substring(bodyStart);
    WeakOpeners.Opening opening = WeakOpeners.of(body);
    if (opening == null) {
      return line;
    }
    String rest = opening.duty();
    String[] words = Words.firstAndRest(rest);
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

  /** "managing" → "Managed", "growing" → "Grew"; null when the word is not a verb's "-ing" form. */
  static String pastTense(String word) {
    String past = VerbTenses.pastOfGerund(word);
    return past == null ? null : Character.toUpperCase(past.charAt(0)) + past.substring(1);
  }

  /**
   * Where the text of a line starts after its indent and bullet: the end of {@code ^\s*(?:[-•*·▪◦‣–]|\d+[.)])?\s*}.
   */
  static int bodyStart(String line) {
    int indent = Words.skipSpaces(line, 0);
    int marker = Lines.markerEnd(line, indent, true);
    return Words.skipSpaces(line, marker < 0 ? indent : marker);
  }

  /**
   * Where the words of a line start after its indent and bullet, whitespace being what {@link String#strip} removes
   * (an em space too): the content analysis finds a line's weak opener after stripping it so.
   */
  private static int dutyStart(String line) {
    int indent = unicodeSpaceEnd(line, 0);
    int marker = Lines.markerEnd(line, indent, true);
    return unicodeSpaceEnd(line, marker < 0 ? indent : marker);
  }

  private static int unicodeSpaceEnd(String line, int from) {
    int i = from;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  static String removeAvoided(String line, List<String> avoid) {
    String out = line;
    for (String phrase : avoid) {
      out = withoutPhrase(out, phrase);
    }
    if (out.equals(line)) {
      return line;
    }
    out = tidied(out);
    // what the phrase leaves dangling goes too: "Team player who is passionate about food" → "Team player"
    out = withoutDanglingWords(out);
    int bodyStart = bodyStart(out);
    if (bodyStart < out.length()) {
      out = out.substring(0, bodyStart) + Character.toUpperCase(out.charAt(bodyStart)) + out.substring(bodyStart + 1);
    }
    return out;
  }

  /**
   * {@code line} without each occurrence of {@code phrase} (ASCII letters in any case) that is not part of a longer
   * word, with a comma or semicolon and the whitespace after it:
   * {@code (?i)(?<![\p{L}\p{N}])phrase(?![\p{L}\p{N}])[,;]?\s*} replaced by nothing.
   */
  static String withoutPhrase(String line, String phrase) {
    return Words.replaceEach(line, phrase, "", (text, start, end) -> {
      if ((start > 0 && Words.isLetterOrNumber(Character.codePointBefore(text, start)))
          || (end < text.length() && Words.isLetterOrNumber(Character.codePointAt(text, end)))) {
        return -1;
      }
      boolean punctuation = end < text.length() && (text.charAt(end) == ',' || text.charAt(end) == ';');
      return Words.skipSpaces(text, punctuation ? end + 1 : end);
    });
  }

  /**
   * The punctuation a removal leaves tidied: runs of whitespace as one space, no whitespace before {@code , . ;},
   * no {@code ,} or {@code ;} right after the bullet, none at the end (the four {@code replaceAll}s this replaces:
   * {@code \s{2,}}, {@code \s+([,.;])}, {@code ^([-•*·▪◦‣–]\s*)[,;]\s*} and {@code [,;]\s*$}).
   */
  static String tidied(String text) {
    StringBuilder b = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!Words.isSpace(c)) {
        b.append(c);
        i++;
        continue;
      }
      int end = Words.skipSpaces(text, i);
      boolean beforePunctuation = end < text.length() && ",.;".indexOf(text.charAt(end)) >= 0;
      if (!beforePunctuation) {
        b.append(end - i >= 2 ? " " : String.valueOf(c));
      }
      i = end;
    }
    String out = b.toString();
    int marker = Lines.markerEnd(out, 0, false);
    if (marker >= 0) {
      int punctuation = Words.skipSpaces(out, marker);
      if (punctuation < out.length() && (out.charAt(punctuation) == ',' || out.charAt(punctuation) == ';')) {
        out = out.substring(0, punctuation) + out.substring(Words.skipSpaces(out, punctuation + 1));
      }
    }
    int end = out.length();
    while (end > 0 && Words.isSpace(out.charAt(end - 1))) {
      end--;
    }
    if (end > 0 && (out.charAt(end - 1) == ',' || out.charAt(end - 1) == ';')) {
      out = out.substring(0, end - 1);
    }
    return out.stripTrailing();
  }

  /**
   * {@code text} without the words that dangle at its end: {@code (?i)(\s+(who|which|…|as))+[,;]?\s*$} removed,
   * read backwards from the end, one word at a time.
   */
  static String withoutDanglingWords(String text) {
    int end = text.length();
    while (end > 0 && Words.isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (end > 0 && (text.charAt(end - 1) == ',' || text.charAt(end - 1) == ';')) {
      end--;
    }
    int cut = -1;
    while (true) {
      int wordStart = end;
      while (wordStart > 0 && !Words.isSpace(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (wordStart == end || wordStart == 0 || !DANGLING.contains(Words.asciiLower(text.substring(wordStart, end)))) {
        break;
      }
      int spaceStart = wordStart;
      while (spaceStart > 0 && Words.isSpace(text.charAt(spaceStart - 1))) {
        spaceStart--;
      }
      cut = spaceStart;
      end = spaceStart;
    }
    return cut < 0 ? text : text.substring(0, cut);
  }

  private static boolean onlyPunctuationAndSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Words.isSpace(c) && !(c < 0x80 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static String tone(String line, String tone) {
    String out = line;
    if ("concise".equals(tone)) {
      for (String f : FILLER) {
        out = Words.replaceWord(out, f, "", false);
      }
    } else if ("formal".equals(tone)) {
      for (Map.Entry<String, String> e : FORMAL.entrySet()) {
        out = Words.replaceWord(out, e.getKey(), e.getValue(), true);
      }
    }
    return out;
  }

  private static void addKeywords(List<Section> sections, String resume, Template template, String job,
                                  Settings settings, SkillTaxonomy taxonomy, Set<String> preserved,
                                  List<JsonObject> changes, Deadline deadline) {
    String resumeLower = resume.toLowerCase(Locale.ROOT);
    Set<String> wanted = new LinkedHashSet<>();
    if (job != null) {
      taxonomy.findByPhrase(job, deadline).forEach(f -> wanted.add(f.skill().name()));
      String jobLower = job.toLowerCase(Locale.ROOT);
      template.rule("keywords").stream().filter(k -> jobLower.contains(k.toLowerCase(Locale.ROOT))).forEach(wanted::add);
    }
    wanted.addAll(settings.customKeywords());
    if ("aggressive".equals(settings.level())) {
      template.rule("keywords").stream().limit(5).forEach(wanted::add);
    }
    List<String> present = taxonomy.findByPhrase(resume, deadline).stream().map(f -> f.skill().name()).toList();
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
      String trimmed = before.stripTrailing();
      String after = (trimmed.endsWith(".") || trimmed.endsWith(";") || trimmed.endsWith(",")
          ? trimmed.substring(0, trimmed.length() - 1) : trimmed) + ", " + keywords;
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

  private static List<Section> split(String text, Deadline deadline) {
    List<Section> sections = new ArrayList<>();
    Section current = new Section("contact", null, new ArrayList<>());
    sections.add(current);
    for (String line : Lines.split(text)) {
      deadline.check();
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
