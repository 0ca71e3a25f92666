package org.jobdash.ai.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a résumé's content from its text alone, for any trade: length, sections present, bullets that open
 * with an action verb, quantified achievements, readability, and elements that applicant tracking systems
 * misread. Every finding names the line or the text it is about. Deterministic; pure CPU.
 */
public final class ContentAnalyzer {

  /** Canonical section kinds and the headings (lower case, without punctuation) that name them. */
  static final Map<String, Set<String>> SECTIONS = sections();

  /** Trade-neutral strong openers; templates add their own. */
  static final Set<String> ACTION_VERBS = Set.of("achieved", "administered", "advised", "analyzed", "analysed",
      "assembled", "assessed", "audited", "baked", "budgeted", "built", "calibrated", "catered", "closed", "coached",
      "collaborated", "completed", "configured", "constructed", "coordinated", "created", "cooked", "cut",
      "decreased", "delivered", "designed", "developed", "diagnosed", "directed", "documented", "drove", "educated",
      "engineered", "established", "evaluated", "exceeded", "expanded", "facilitated", "fabricated", "generated",
      "grew", "guided", "handled", "implemented", "improved", "increased", "initiated", "inspected", "installed",
      "instructed", "introduced", "launched", "led", "maintained", "managed", "mentored", "migrated", "monitored",
      "negotiated", "operated", "optimized", "optimised", "organized", "organised", "oversaw", "planned", "prepared",
      "presented", "processed", "produced", "programmed", "reconciled", "recruited", "reduced", "repaired",
      "resolved", "restructured", "reviewed", "saved", "scheduled", "secured", "served", "shipped", "simplified",
      "sold", "solved", "spearheaded", "streamlined", "supervised", "supported", "taught", "tested", "trained",
      "transformed", "treated", "triaged", "troubleshot", "upgraded", "welded", "wired", "won", "wrote", "answered",
      "assisted", "cleaned", "compiled", "conducted", "controlled", "converted", "cultivated", "deployed",
      "distributed", "drafted", "earned", "edited", "ensured", "executed", "forecasted", "hired", "identified",
      "integrated", "interviewed", "marketed", "measured", "modernized", "motivated", "onboarded", "performed",
      "piloted", "prioritized", "promoted", "provided", "purchased", "raised", "ran", "rebuilt", "recorded",
      "redesigned", "refactored", "replaced", "reported", "researched", "retained", "scaled", "serviced", "set",
      "shaped", "sourced", "standardized", "stocked", "surpassed", "tracked", "translated", "tutored", "unified",
      "verified", "volunteered", "charted", "stabilized", "precepted", "plated", "expedited", "costed");

  /** Sections whose unbulleted sentences are experience lines too. */
  private static final Set<String> EXPERIENCE_LIKE = Set.of("experience", "projects", "achievements", "volunteer");

  /** A short unbulleted experience line still reads as a duty when it opens with a verb or a weak phrase. */
  private static boolean opensLikeADuty(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return WEAK_OPENERS.stream().anyMatch(lower::startsWith) || ACTION_VERBS.contains(firstWord(line));
  }

  static final List<String> WEAK_OPENERS = List.of("responsible for", "duties included", "duties include",
      "helped with", "helped to", "helped", "worked on", "assisted with", "tasked with", "in charge of",
      "participated in", "involved in");

  private static final Pattern QUANTIFIED = Pattern.compile(
      "(\\d+(?:[.,]\\d+)?\\s*(%|percent|k\\b|m\\b|x\\b))|([$€£¥]\\s?\\d)|(\\d[\\d,.]*\\s*(people|staff|patients|"
          + "students|customers|clients|covers|employees|accounts|projects|units|orders|hours|days|weeks|months|"
          + "years|beds|sites|stores|locations|users|members|guests|vehicles|homes|buildings|calls|tickets))|"
          + "(\\b\\d{2,}[\\d,.]*\\b)", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("^(19|20)\\d\\d$");
  private static final Pattern BULLET = Pattern.compile("^\\s*([-•*·▪◦‣–]|\\d+[.)])\\s+");
  private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
  private static final Pattern IMAGE = Pattern.compile("(?i)(\\[(image|photo|picture|logo|graphic)[^]]*]|!\\[[^]]*]\\(|"
      + "<img\\b|\\.(png|jpe?g|gif|svg)\\b)");
  private static final Pattern HEADER_FOOTER = Pattern.compile("(?i)^(page \\d+( of \\d+)?|\\d+ / \\d+|confidential|"
      + "header:|footer:|curriculum vitae - page).*");

  /** The scores (0–100), counts and findings of one text. */
  public record Report(double overall, double readability, double ats, double structure, double impact, int wordCount,
                       List<String> sections, int bullets, int quantifiedBullets, int actionVerbBullets,
                       List<JsonObject> findings) {

    public JsonObject toJson() {
      return new JsonObject().put("overallScore", overall).put("readabilityScore", readability).put("atsScore", ats)
          .put("structureScore", structure).put("impactScore", impact).put("wordCount", wordCount)
          .put("sectionsFound", new JsonArray(sections)).put("bullets", bullets)
          .put("quantifiedBullets", quantifiedBullets).put("actionVerbBullets", actionVerbBullets)
          .put("findings", new JsonArray(new ArrayList<>(findings)));
    }
  }

  private ContentAnalyzer() {}

  public static Report analyze(String text, Set<String> extraVerbs) {
    List<JsonObject> findings = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    List<String> sections = new ArrayList<>();
    int bullets = 0;
    int quantified = 0;
    int actionVerbs = 0;
    int weak = 0;
    int atsPenalty = 0;
    String current = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      int number = i + 1;
      String kind = sectionOf(stripped);
      if (kind != null) {
        current = kind;
        if (!sections.contains(kind)) {
          sections.add(kind);
        }
        continue;
      }
      if (line.indexOf('|') >= 0 || line.indexOf('\t') >= 0) {
        atsPenalty += 8;
        findings.add(finding("ats", "warning", number, stripped, line.indexOf('|') >= 0
            ? "uses '|' like a table column; applicant tracking systems may read the columns out of order"
            : "uses tab characters to align columns; put each item on its own line instead"));
      }
      if (IMAGE.matcher(line).find()) {
        atsPenalty += 10;
        findings.add(finding("ats", "warning", number, stripped,
            "refers to an image or graphic; applicant tracking systems cannot read text inside images"));
      }
      if (HEADER_FOOTER.matcher(stripped).matches()) {
        atsPenalty += 5;
        findings.add(finding("ats", "info", number, stripped,
            "looks like a page header or footer; keep contact details in the body, not in headers or footers"));
      }
      Matcher emoji = EMOJI.matcher(line);
      if (emoji.find()) {
        atsPenalty += 5;
        findings.add(finding("ats", "warning", number, stripped, "contains an emoji or symbol ('" + emoji.group()
            + "') that applicant tracking systems may drop or garble"));
      } else {
        String unusual = unusualCharacter(line);
        if (unusual != null) {
          atsPenalty += 3;
          findings.add(finding("ats", "info", number, stripped, "contains the unusual character '" + unusual
              + "' (U+" + String.format("%04X", (int) unusual.charAt(0)) + "); use plain text"));
        }
      }
      boolean bullet = BULLET.matcher(line).find() || (EXPERIENCE_LIKE.contains(current)
          && (stripped.split("\\s+").length >= 6 || opensLikeADuty(stripped)));
      if (bullet) {
        bullets++;
        String body = BULLET.matcher(stripped).replaceFirst("").strip();
        String first = firstWord(body);
        String lower = body.toLowerCase(Locale.ROOT);
        String weakOpener = WEAK_OPENERS.stream().filter(lower::startsWith).findFirst().orElse(null);
        if (weakOpener != null) {
          weak++;
          findings.add(finding("action_verbs", "warning", number, stripped, "opens with the weak phrase '"
              + body.substring(0, weakOpener.length()) + "'; start with a strong verb of what you did"));
        } else if (ACTION_VERBS.contains(first) || extraVerbs.contains(first)) {
          actionVerbs++;
        }
        if (isQuantified(body)) {
          quantified++;
        }
      }
    }
    int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
    if (words < 150) {
      findings.add(finding("length", "warning", 0, null, "has " + words
          + " words; most résumés need 300–800 words to show enough experience"));
    } else if (words > 1200) {
      findings.add(finding("length", "info", 0, null, "has " + words
          + " words; more than about two pages is long for most roles"));
    }
    for (String expected : List.of("experience", "education", "skills")) {
      if (!sections.contains(expected)) {
        findings.add(finding("sections", "warning", 0, null, "has no '" + expected + "' section heading"
            + ("skills".equals(expected) ? " (e.g. 'Skills' or 'Core Competencies')" : "")));
      }
    }
    if (!sections.contains("summary")) {
      findings.add(finding("sections", "info", 0, null,
          "has no summary; two or three lines at the top say who you are and what you offer"));
    }
    if (bullets > 0 && quantified == 0) {
      findings.add(finding("quantified_achievements", "warning", 0, null, "has no quantified achievements: none of "
          + "the " + bullets + " experience lines contains a number, percentage or amount (patients per shift, "
          + "covers served, budget, % improved, time saved)"));
    } else if (bullets > 0 && quantified * 3 < bullets) {
      findings.add(finding("quantified_achievements", "info", 0, null, "has only " + quantified + " of " + bullets
          + " experience lines quantified; aim for at least a third"));
    }
    if (bullets > 0 && actionVerbs * 2 < bullets) {
      findings.add(finding("action_verbs", "info", 0, null, "has only " + actionVerbs + " of " + bullets
          + " experience lines opening with an action verb (Managed, Installed, Prepared, Taught…)"));
    }

    double readability = readability(text, findings);
    double structure = Math.min(100, 100.0 * countOf(sections, List.of("experience", "education", "skills")) / 3 * 0.8
        + (sections.contains("summary") ? 10 : 0) + (sections.size() >= 5 ? 10 : sections.size() * 2));
    double impact = bullets == 0 ? 0 : Math.min(100, 60.0 * quantified / bullets + 40.0 * actionVerbs / bullets
        - 5.0 * weak);
    double ats = Math.max(0, 100 - atsPenalty - (sections.contains("experience") ? 0 : 15)
        - (sections.contains("skills") ? 0 : 10));
    double lengthScore = words < 150 ? 40 + 60.0 * words / 150 : words > 1200 ? 80 : 100;
    double overall = 0.25 * structure + 0.3 * Math.max(0, impact) + 0.15 * readability + 0.2 * ats
        + 0.1 * lengthScore;
    return new Report(round(overall), round(readability), round(ats), round(structure), round(Math.max(0, impact)),
        words, List.copyOf(sections), bullets, quantified, actionVerbs, List.copyOf(findings));
  }

  /** The canonical section a heading line names, or null when the line is not a heading. */
  public static String sectionOf(String line) {
    String s = line.strip().replaceAll("[:#*_=\\-]+$", "").replaceAll("^[#*_=\\-\\s]+", "").strip();
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    String key = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z&/ ]", "").replaceAll("\\s+", " ").strip();
    for (Map.Entry<String, Set<String>> e : SECTIONS.entrySet()) {
      if (e.getValue().contains(key)) {
        return e.getKey();
      }
    }
    return null;
  }

  static boolean isQuantified(String body) {
    Matcher m = QUANTIFIED.matcher(body);
    while (m.find()) {
      if (m.group(5) != null && YEAR.matcher(m.group(5).replaceAll("[,.]", "")).matches()) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static double readability(String text, List<JsonObject> findings) {
    String[] sentences = text.split("(?<=[.!?])\\s+|\\R");
    int count = 0;
    int words = 0;
    int longWords = 0;
    int letters = 0;
    for (String s : sentences) {
      String[] w = s.strip().split("\\s+");
      if (s.isBlank()) {
        continue;
      }
      count++;
      words += w.length;
      for (String word : w) {
        int l = word.replaceAll("[^\\p{L}]", "").length();
        letters += l;
        if (l >= 13) {
          longWords++;
        }
      }
      if (w.length > 35) {
        findings.add(finding("readability", "info", 0, s.strip().length() > 120 ? s.strip().substring(0, 117) + "..."
            : s.strip(), "is a sentence of " + w.length + " words; split it so it reads in one glance"));
      }
    }
    if (count == 0 || words == 0) {
      return 0;
    }
    double avgSentence = (double) words / count;
    double avgWord = (double) letters / words;
    double score = 100 - Math.max(0, avgSentence - 20) * 3 - Math.max(0, avgWord - 6) * 15
        - 100.0 * longWords / words;
    return Math.max(0, Math.min(100, score));
  }

  private static String unusualCharacter(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 && c != '\t') {
        return String.valueOf(c);
      }
      if (c >= 0x2190 && c <= 0x2BFF || c >= 0xE000 && c <= 0xF8FF || c == 0xFFFD) {
        return String.valueOf(c);
      }
    }
    return null;
  }

  private static String firstWord(String body) {
    String[] parts = body.split("[\\s,;:]+", 2);
    return parts.length == 0 ? "" : parts[0].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}-]", "");
  }

  private static int countOf(List<String> found, List<String> wanted) {
    return (int) wanted.stream().filter(found::contains).count();
  }

  static JsonObject finding(String category, String severity, int line, String text, String message) {
    JsonObject f = new JsonObject().put("category", category).put("severity", severity).put("message",
        (line > 0 ? "Line " + line + " " : text != null ? "'" + text + "' " : "The résumé ") + message);
    if (line > 0) {
      f.put("line", line);
    }
    if (text != null) {
      f.put("text", text);
    }
    return f;
  }

  private static double round(double v) {
    return Math.round(Math.max(0, Math.min(100, v)) * 100) / 100.0;
  }

  private static Map<String, Set<String>> sections() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("summary", Set.of("summary", "professional summary", "profile", "professional profile", "objective",
        "career objective", "about me", "executive summary", "career summary", "overview"));
    m.put("experience", Set.of("experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "career history", "clinical experience", "teaching experience",
        "culinary experience", "relevant experience", "leadership experience", "experience & projects",
        "internships", "internship experience"));
    m.put("education", Set.of("education", "education & training", "education and training", "academic background",
        "qualifications", "training", "apprenticeship", "degrees"));
    m.put("skills", Set.of("skills", "key skills", "core skills", "technical skills", "core competencies",
        "competencies", "areas of expertise", "expertise", "clinical skills", "signature skills", "trade skills",
        "tools", "equipment and tools", "tools & equipment", "transferable skills", "skills & abilities"));
    m.put("certifications", Set.of("certifications", "certificates", "licenses", "licences", "licenses & certifications",
        "licences & certifications", "licenses and certifications", "credentials", "certifications & licenses"));
    m.put("projects", Set.of("projects", "selected projects", "key projects", "portfolio", "relevant projects"));
    m.put("achievements", Set.of("achievements", "key achievements", "accomplishments", "awards", "honors",
        "honours", "awards & honors"));
    m.put("volunteer", Set.of("volunteer", "volunteering", "volunteer experience", "community involvement"));
    m.put("languages", Set.of("languages"));
    m.put("references", Set.of("references"));
    m.put("contact", Set.of("contact", "contact information", "contact details"));
    return m;
  }
}
