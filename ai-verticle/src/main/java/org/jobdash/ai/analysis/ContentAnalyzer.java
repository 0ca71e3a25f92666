package org.jobdash.ai.analysis;

import com.google.re2j.Pattern;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.WeakOpeners;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a résumé's content from its text alone, for any trade: length, sections present, bullets that open
 * with an action verb, quantified achievements, readability, and elements that applicant tracking systems
 * misread. Every finding names the line or the text it is about. Deterministic; pure CPU, in time linear in the
 * text: the two patterns are RE2/J's, the rest plain code, and each line is read up to {@link Lines#MAX_LINE_CHARS}.
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
    return WeakOpeners.of(line) != null || ACTION_VERBS.contains(firstWord(line));
  }

  /** Whitespace as java.util.regex's {@code \s} has it (RE2/J's leaves out {@code \x0B}). */
  private static final String SPACE = "[\\t\\n\\x0B\\f\\r ]";
  /**
   * A number with a unit, a percentage or an amount of money, or any number of two or more digits. Years count
   * too: "2019–2023" quantifies as much as "4 years". {@code \b} is the ASCII word boundary, as in RE2/J and JDK 19+.
   */
  private static final Pattern QUANTIFIED = Pattern.compile(
      "\\d+(?:[.,]\\d+)?" + SPACE + "*(?:%|percent|k\\b|m\\b|x\\b)|[$€£¥]" + SPACE + "?\\d|\\d[\\d,.]*" + SPACE
          + "*(?:people|staff|patients|students|customers|clients|covers|employees|accounts|projects|units|orders|"
          + "hours|days|weeks|months|years|beds|sites|stores|locations|users|members|guests|vehicles|homes|buildings|"
          + "calls|tickets)|\\b\\d{2,}[\\d,.]*\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMAGE = Pattern.compile("\\[(?:image|photo|picture|logo|graphic)[^\\]]*\\]|!\\[[^\\]]*\\]\\(|"
      + "<img\\b|\\.(?:png|jpe?g|gif|svg)\\b", Pattern.CASE_INSENSITIVE);
  /** Page headers and footers, by how they start ({@code (?i)^(page \d|\d+ / \d|confidential|header:|…)}). */
  private static final List<String> HEADER_FOOTER_OPENERS = List.of("confidential", "header:", "footer:",
      "curriculum vitae - page");

  /** The scores (0–100), counts and findings of one text. */
  public record Report(double overall, double readability, double ats, double structure, double impact, int wordCount,
                       List<String> sections, int bullets, int quantifiedBullets, int actionVerbBullets,
                       List<JsonObject> findings, List<String> missingKeywords) {

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("overallScore", overall).put("readabilityScore", readability).put("atsScore", ats)
          .put("structureScore", structure).put("impactScore", impact).put("wordCount", wordCount)
          .put("sectionsFound", new JsonArray(sections)).put("bullets", bullets)
          .put("quantifiedBullets", quantifiedBullets).put("actionVerbBullets", actionVerbBullets)
          .put("findings", new JsonArray(new ArrayList<>(findings)));
      return missingKeywords == null ? json : json.put("missingKeywords", new JsonArray(new ArrayList<>(
          missingKeywords)));
    }
  }

  private ContentAnalyzer() {}

  /** Analyses {@code text}; checks {@code deadline} line by line. */
  public static Report analyze(String text, Set<String> extraVerbs, Deadline deadline) {
    return analyze(text, extraVerbs, null, deadline);
  }

  /**
   * Analyses {@code text} for the job {@code job} describes (or for none when null): the ATS score then also counts
   * the job's required keywords the résumé does not name, as trackers rank by them.
   */
  public static Report analyze(String text, Set<String> extraVerbs, String job, Deadline deadline) {
    List<JsonObject> findings = new ArrayList<>();
    List<String> lines = Lines.split(text);
    List<String> sections = new ArrayList<>();
    int bullets = 0;
    int quantified = 0;
    int actionVerbs = 0;
    int weak = 0;
    int atsPenalty = 0;
    boolean email = false;
    boolean phone = false;
    int datedLines = 0;
    String current = "";
    for (int i = 0; i < lines.size(); i++) {
      deadline.check();
      String line = Lines.capped(lines.get(i));
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      int number = i + 1;
      email |= hasEmail(stripped);
      phone |= hasPhone(stripped);
      if (EXPERIENCE_LIKE.contains(current) && hasDate(stripped)) {
        datedLines++;
      }
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
      if (looksLikeHeaderOrFooter(stripped)) {
        atsPenalty += 5;
        findings.add(finding("ats", "info", number, stripped,
            "looks like a page header or footer; keep contact details in the body, not in headers or footers"));
      }
      String emoji = emoji(line);
      if (emoji != null) {
        atsPenalty += 5;
        findings.add(finding("ats", "warning", number, stripped, "contains an emoji or symbol ('" + emoji
            + "') that applicant tracking systems may drop or garble"));
      } else {
        String unusual = unusualCharacter(line);
        if (unusual != null) {
          atsPenalty += 3;
          findings.add(finding("ats", "info", number, stripped, "contains the unusual character '" + unusual
              + "' (U+" + String.format("%04X", (int) unusual.charAt(0)) + "); use plain text"));
        }
      }
      boolean bullet = bulletEnd(line) >= 0 || (EXPERIENCE_LIKE.contains(current)
          && (Words.count(stripped) >= 6 || opensLikeADuty(stripped)));
      if (bullet) {
        bullets++;
        int bulletEnd = bulletEnd(stripped);
        String body = (bulletEnd < 0 ? stripped : stripped.substring(bulletEnd)).strip();
        String first = firstWord(body);
        WeakOpeners.Opening weakOpener = WeakOpeners.of(body);
        if (weakOpener != null) {
          weak++;
          findings.add(finding("action_verbs", "warning", number, stripped, "opens with the weak phrase '"
              + weakOpener.phrase() + "'; start with a strong verb of what you did"));
        } else if (ACTION_VERBS.contains(first) || extraVerbs.contains(first)) {
          actionVerbs++;
        }
        if (isQuantified(body)) {
          quantified++;
        }
      }
    }
    int words = text.isBlank() ? 0 : Words.count(text.strip());
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

    deadline.check();
    double readability = readability(text, findings);
    double structure = Math.min(100, 100.0 * countOf(sections, List.of("experience", "education", "skills")) / 3 * 0.8
        + (sections.contains("summary") ? 10 : 0) + (sections.size() >= 5 ? 10 : sections.size() * 2));
    double impact = bullets == 0 ? 0 : Math.min(100, 60.0 * quantified / bullets + 40.0 * actionVerbs / bullets
        - 5.0 * weak);
    atsPenalty += groundedAts(findings, sections, email, phone, datedLines, words);
    List<JobMatcher.Evidence> asked = job == null ? List.of() : requiredKeywords(text, job, deadline);
    List<String> missingKeywords = job == null ? null : asked.stream().filter(e -> !e.met())
        .map(JobMatcher.Evidence::name).toList();
    if (missingKeywords != null && !missingKeywords.isEmpty()) {
      atsPenalty += (int) Math.round(25.0 * missingKeywords.size() / asked.size());
      findings.add(finding("ats", "warning", 0, null, "does not name " + missingKeywords.size() + " of the job's "
          + asked.size() + " required keywords (" + String.join(", ", missingKeywords.subList(0, Math.min(8,
          missingKeywords.size()))) + "); applicant tracking systems rank by them — name the ones you have as the "
          + "posting writes them"));
    }
    double ats = Math.max(0, 100 - atsPenalty - (sections.contains("experience") ? 0 : 15)
        - (sections.contains("skills") ? 0 : 10));
    double lengthScore = words < 150 ? 40 + 60.0 * words / 150 : words > 1200 ? 80 : 100;
    double overall = 0.25 * structure + 0.3 * Math.max(0, impact) + 0.15 * readability + 0.2 * ats
        + 0.1 * lengthScore;
    return new Report(round(overall), round(readability), round(ats), round(structure), round(Math.max(0, impact)),
        words, List.copyOf(sections), bullets, quantified, actionVerbs, List.copyOf(findings),
        missingKeywords == null ? null : List.copyOf(missingKeywords));
  }

  /**
   * What applicant tracking systems parse beyond the layout: contact details (an email address, a phone number),
   * dated roles under the experience heading, an education section, enough text to match. The penalty, with a
   * finding for each gap.
   */
  private static int groundedAts(List<JsonObject> findings, List<String> sections, boolean email, boolean phone,
                                 int datedLines, int words) {
    int penalty = 0;
    if (!email) {
      penalty += 15;
      findings.add(finding("ats", "warning", 0, null, "has no email address; applicant tracking systems file a "
          + "candidate under the contact details they parse"));
    }
    if (!phone) {
      penalty += 8;
      findings.add(finding("ats", "warning", 0, null, "has no phone number; put it beside your email at the top"));
    }
    if (sections.contains("experience") && datedLines == 0) {
      penalty += 15;
      findings.add(finding("ats", "warning", 0, null, "has no dated roles; give each role its dates (e.g. "
          + "'March 2021 – present') so applicant tracking systems can count your years of experience"));
    } else if (!sections.contains("experience")) {
      penalty += 10;
      findings.add(finding("ats", "warning", 0, null, "has no experience section an applicant tracking system "
          + "can find; use a standard heading such as 'Experience' or 'Work History', with dated roles"));
    }
    if (!sections.contains("education")) {
      penalty += 7;
    }
    if (words < 75) {
      penalty += 20;
    } else if (words < 150) {
      penalty += 10;
    }
    return penalty;
  }

  /** The job's required skills, certifications and licences, each met or not by the résumé's words. */
  private static List<JobMatcher.Evidence> requiredKeywords(String text, String job, Deadline deadline) {
    JobMatcher.Match match = JobMatcher.match(SkillTaxonomy.shared(), text, job, List.of(), List.of(), deadline);
    return match.requirements().stream().filter(e -> e.required() && !"experience".equals(e.kind())).toList();
  }

  /** A word with an '@' between a local part and a dotted domain. */
  static boolean hasEmail(String line) {
    int at = line.indexOf('@');
    while (at > 0) {
      int end = at + 1;
      while (end < line.length() && !Words.isSpace(line.charAt(end)) && ",;|()<>".indexOf(line.charAt(end)) < 0) {
        end++;
      }
      String domain = line.substring(at + 1, end);
      int dot = domain.indexOf('.');
      if (Character.isLetterOrDigit(line.charAt(at - 1)) && dot > 0 && dot < domain.length() - 2) {
        return true;
      }
      at = line.indexOf('@', at + 1);
    }
    return false;
  }

  /** A run of 9 to 15 digits written with only spaces, dots, dashes, brackets and a leading '+' between them. */
  static boolean hasPhone(String line) {
    int digits = 0;
    for (int i = 0; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : '\n';
      if (Words.isDigit(c)) {
        digits++;
      } else if (digits > 0 && " .-()".indexOf(c) >= 0) {
        continue;
      } else if (c == '+' && digits == 0) {
        continue;
      } else {
        if (digits >= 9 && digits <= 15) {
          return true;
        }
        digits = 0;
      }
    }
    return false;
  }

  /** A four-digit year from 1960 on, or "present", in a line. */
  static boolean hasDate(String line) {
    for (int i = 0; i + 4 <= line.length(); i++) {
      boolean boundary = (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)))
          && (i + 4 == line.length() || !Character.isLetterOrDigit(line.charAt(i + 4)));
      if (boundary && (line.startsWith("19", i) && line.charAt(i + 2) >= '6' || line.startsWith("20", i))
          && Words.isDigit(line.charAt(i + 2)) && Words.isDigit(line.charAt(i + 3))) {
        return true;
      }
    }
    return Words.asciiLower(line).contains("present");
  }

  /** The canonical section a heading line names, or null when the line is not a heading. */
  public static String sectionOf(String line) {
    // the line without heading marks: [:#*_=-]+ at its end, then [#*_=-] and whitespace at its start
    String s = line.strip();
    int end = s.length();
    while (end > 0 && ":#*_=-".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = 0;
    while (start < end && ("#*_=-".indexOf(s.charAt(start)) >= 0 || Words.isSpace(s.charAt(start)))) {
      start++;
    }
    s = s.substring(start, end).strip();
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    StringBuilder letters = new StringBuilder(s.length());
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || c == '&' || c == '/' || c == ' ') {
        letters.append(c);
      }
    }
    String key = Words.collapseSpaces(letters.toString()).strip();
    for (Map.Entry<String, Set<String>> e : SECTIONS.entrySet()) {
      if (e.getValue().contains(key)) {
        return e.getKey();
      }
    }
    return null;
  }

  static boolean isQuantified(String body) {
    return QUANTIFIED.matcher(body).find();
  }

  /** Where the bullet that opens {@code line} ends, whitespace after it included, or -1: {@code ^\s*([-•*·▪◦‣–]|\d+[.)])\s+}. */
  static int bulletEnd(String line) {
    int marker = Lines.markerEnd(line, Words.skipSpaces(line, 0), true);
    if (marker < 0 || marker >= line.length() || !Words.isSpace(line.charAt(marker))) {
      return -1;
    }
    return Words.skipSpaces(line, marker);
  }

  /** A stripped line that opens like a page header or footer ("Page 2 of 3", "2 / 3", "Confidential", …). */
  static boolean looksLikeHeaderOrFooter(String line) {
    if (Words.matchesAt(line, 0, "page ") && line.length() > 5 && Words.isDigit(line.charAt(5))) {
      return true;
    }
    int digits = 0;
    while (digits < line.length() && Words.isDigit(line.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && line.startsWith(" / ", digits) && line.length() > digits + 3
        && Words.isDigit(line.charAt(digits + 3))) {
      return true;
    }
    return HEADER_FOOTER_OPENERS.stream().anyMatch(opener -> Words.matchesAt(line, 0, opener));
  }

  /** The first emoji or pictographic symbol of a line (U+1F000–U+1FAFF, U+2600–U+27BF), or null. */
  private static String emoji(String line) {
    for (int i = 0; i < line.length(); ) {
      int c = line.codePointAt(i);
      if ((c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF)) {
        return new String(Character.toChars(c));
      }
      i += Character.charCount(c);
    }
    return null;
  }

  private static double readability(String text, List<JsonObject> findings) {
    int count = 0;
    int words = 0;
    int longWords = 0;
    int letters = 0;
    for (String s : Lines.sentences(text, ".!?")) {
      if (s.isBlank()) {
        continue;
      }
      List<String> w = Words.split(s.strip());
      count++;
      words += w.size();
      for (String word : w) {
        int l = letterCount(word);
        letters += l;
        if (l >= 13) {
          longWords++;
        }
      }
      if (w.size() > 35) {
        findings.add(finding("readability", "info", 0, s.strip().length() > 120 ? s.strip().substring(0, 117) + "..."
            : s.strip(), "is a sentence of " + w.size() + " words; split it so it reads in one glance"));
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

  /** The opening word of a line, lower case, letters and hyphens only. */
  private static String firstWord(String body) {
    int end = 0;
    while (end < body.length() && !Words.isSpace(body.charAt(end)) && ",;:".indexOf(body.charAt(end)) < 0) {
      end++;
    }
    String word = body.substring(0, end).toLowerCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      if (Character.isLetter(c) || c == '-') {
        kept.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return kept.toString();
  }

  /** How many characters of a word are letters. */
  private static int letterCount(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      if (Character.isLetter(c)) {
        letters += Character.charCount(c);
      }
      i += Character.charCount(c);
    }
    return letters;
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
