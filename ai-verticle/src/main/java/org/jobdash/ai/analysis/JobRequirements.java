package org.jobdash.ai.analysis;

import org.jobdash.ai.skills.BulletPhrases;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.skills.SkillTokens;
import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a job description asks for, read line by line in one pass: the lines under its duties and requirements
 * headings ("Responsibilities", "Requirements", "Essential", "What you'll need"…) are required, those under
 * "Desirable", "Preferred", "Nice to have"… or in a sentence saying "preferred", "a plus", "ideally" are preferred; the lines
 * before the first heading only introduce the job, and a posting without headings requires the taxonomy skills it
 * names. From each
 * such line: the taxonomy's skills it names, or else the phrase it asks for ("Experience with X" → X), each with its
 * kind (skill, certification, licence, education); and the years of experience it asks for.
 */
public final class JobRequirements {

  /** One thing the job asks for, the line that asks for it, and the words that name it when no taxonomy does. */
  public record Requirement(String name, String kind, boolean required, SkillTaxonomy.Skill skill, String line) {}

  /** Everything a job asks for; {@code years} is 0 when it names none. */
  public record Parsed(List<Requirement> requirements, int years, String yearsLine) {
    public List<Requirement> required() {
      return requirements.stream().filter(Requirement::required).toList();
    }
  }

  private static final List<String> PREFERRED_HEADINGS = List.of("desirable", "preferred", "nice to have",
      "bonus", "it would be great", "would be a plus", "advantageous", "nice-to-have", "ideally");
  private static final List<String> REQUIRED_HEADINGS = List.of("requirement", "essential", "must have",
      "you'll need", "you will need", "what you need", "you will have", "you'll have", "we need", "you have",
      "person specification", "qualifications", "what we look for", "what we're looking for", "about you",
      "skills", "experience", "responsibilit", "what you'll do", "what you will do", "duties", "day to day",
      "the role", "the job", "the work", "role", "you will", "you'll", "key duties", "what you'll be doing",
      "looking for", "we are looking", "who will", "required", "what you bring", "what you'll bring", "criteria",
      "who you are", "your skills", "your experience", "your role", "main duties");
  /** Headings of what the job holder will do, whose lines open with a verb. */
  private static final List<String> DUTY_HEADINGS = List.of("responsibilit", "what you'll do", "what you will do",
      "duties", "day to day", "the role", "the job", "the work", "role", "you will", "you'll", "doing", "who will",
      "you'll be");
  /** Words that make a heading one of requirements, not of duties ("What you'll need"). */
  private static final List<String> REQUIREMENT_CUES = List.of("need", "have", "bring", "look", "requirement",
      "essential", "criteria", "specification", "qualification", "skills", "experience", "about you", "must");
  private static final List<String> PREFERRED_CUES = List.of("preferred", "desirable", "nice to have", "a plus",
      "bonus", "ideally", "advantageous", "would be great");
  /** Openings of a requirement line that say how much, not what ("Proven experience with"). */
  private static final List<String> LEAD_INS = List.of("registered with the", "registered with", "member of",
      "membership of", "proven experience with", "proven experience of",
      "proven experience in", "previous experience of", "previous experience with", "previous", "experience with",
      "experience of", "experience in", "experience using", "experience", "strong knowledge of",
      "good knowledge of", "working knowledge of", "knowledge of", "understanding of", "familiarity with",
      "proficiency in", "proficient in", "expert in", "ability to", "able to", "confident with", "confident in",
      "strong", "good", "excellent", "solid", "a valid", "valid", "a current", "current", "an active", "active",
      "a full", "full", "must have", "have", "you have", "a", "an", "the");
  private static final List<String> LICENCE_WORDS = List.of("licence", "license");
  private static final List<String> CERT_WORDS = List.of("certif", "registration", "registered", "qualified",
      "qualification", "card", "accredit", "diploma", "nvq", "level ");
  private static final List<String> EDUCATION_WORDS = List.of("degree", "bachelor", "master", "bsc", "ba ", "gcse",
      "a level", "phd", "graduate");

  private JobRequirements() {}

  public static Parsed parse(SkillTaxonomy taxonomy, String job, Deadline deadline) {
    Map<String, Requirement> out = new LinkedHashMap<>();
    List<String> lines = Lines.split(job);
    // a posting without headings asks for all it names
    Boolean sectionRequired = Boolean.TRUE;
    boolean headed = false;
    boolean duties = false;
    for (String raw : lines) {
      deadline.check();
      String line = Lines.capped(raw).strip();
      if (!line.isEmpty() && heading(line, line.toLowerCase(Locale.ROOT)) != null) {
        sectionRequired = null;
        headed = true;
        break;
      }
    }
    int years = 0;
    String yearsLine = null;
    for (String raw : lines) {
      deadline.check();
      String line = Lines.capped(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      Boolean heading = heading(line, lower);
      if (heading != null) {
        sectionRequired = heading;
        duties = heading && DUTY_HEADINGS.stream().anyMatch(lower::contains)
            && REQUIREMENT_CUES.stream().noneMatch(lower::contains);
        continue;
      }
      if (sectionRequired == null) {
        continue;
      }
      for (String piece : Lines.sentences(line, ".!?;")) {
        String sentence = piece.strip();
        if (sentence.isEmpty()) {
          continue;
        }
        String said = sentence.toLowerCase(Locale.ROOT);
        boolean required = sectionRequired && PREFERRED_CUES.stream().noneMatch(said::contains);
        int y = JobMatcher.maxYears(sentence);
        if (y > years && y < 40) {
          years = y;
          yearsLine = line;
        }
        List<SkillTaxonomy.PhraseHit> hits = taxonomy.scan(sentence);
        if (duties) {
          duty(taxonomy, out, sentence, said, required, line, hits);
          continue;
        }
        String asked = headed ? phrase(sentence) : null;
        String narrow = asked == null || hits.isEmpty() ? null : taxonomy.narrower(asked);
        if (narrow != null) {
          // "orbital welding" asks for more than "welding": the narrower thing is the requirement
          put(out, new Requirement(narrow, kind(narrow, said), required, null, line));
          continue;
        }
        for (SkillTaxonomy.PhraseHit h : hits) {
          put(out, new Requirement(h.skill().name(), kind(h.skill().name(), said), required, h.skill(), line));
        }
        // without headings, prose cannot be told from requirements: only the taxonomy's skills count
        if (hits.isEmpty() && asked != null) {
          put(out, new Requirement(asked, kind(asked, said), required, null, line));
        }
      }
    }
    return new Parsed(List.copyOf(out.values()), years, yearsLine);
  }

  /**
   * A duty ("Complete vehicle health checks", "Carry out visual weld inspection") asks for what its verb acts on:
   * the taxonomy skills in the line, and each object of the verb that names none of them.
   */
  private static void duty(SkillTaxonomy taxonomy, Map<String, Requirement> out, String sentence, String said,
                           boolean required, String line, List<SkillTaxonomy.PhraseHit> hits) {
    int marker = Lines.markerEnd(sentence, 0, true);
    int from = marker < 0 ? 0 : marker;
    for (int[] object : BulletPhrases.of(sentence.substring(from))) {
      int start = from + object[0];
      int end = from + object[1];
      String thing = sentence.substring(start, end);
      String narrow = taxonomy.narrower(thing);
      if (narrow != null || hits.stream().noneMatch(h -> h.start() < end && h.end() > start)) {
        String name = narrow == null ? thing : narrow;
        put(out, new Requirement(name, kind(name, said), required, null, line));
      }
    }
    for (SkillTaxonomy.PhraseHit h : hits) {
      put(out, new Requirement(h.skill().name(), kind(h.skill().name(), said), required, h.skill(), line));
    }
  }

  /** A required item asked for again as preferred stays required. */
  private static void put(Map<String, Requirement> out, Requirement r) {
    String key = r.name().toLowerCase(Locale.ROOT);
    Requirement old = out.get(key);
    if (old == null || (!old.required() && r.required())) {
      out.put(key, r);
    }
  }

  /** Whether a line is a heading of required (true) or preferred (false) items; null when it is no heading. */
  static Boolean heading(String line, String lower) {
    if (Lines.markerEnd(line, 0, false) >= 0 || Words.count(line) > 9) {
      return null;
    }
    boolean ends = line.endsWith(":") || Words.count(line) <= 5 || line.indexOf('.') < 0 && line.indexOf('—') < 0
        && line.indexOf(',') < 0;
    if (!ends) {
      return null;
    }
    if (PREFERRED_HEADINGS.stream().anyMatch(lower::contains)) {
      return false;
    }
    return REQUIRED_HEADINGS.stream().anyMatch(lower::contains) ? Boolean.TRUE : null;
  }

  /**
   * The thing a line asks for when no taxonomy names it: the bullet, lead-in words, a trailing remark and years
   * taken away; null when that leaves no short noun phrase (one to five words).
   */
  static String phrase(String line) {
    String s = line;
    int marker = Lines.markerEnd(s, Words.skipSpaces(s, 0), false);
    if (marker >= 0) {
      s = s.substring(marker);
    }
    s = cut(s, '(');
    s = cut(s, ',');
    s = cut(s, ';');
    s = Words.collapseSpaces(s).strip();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String lead : LEAD_INS) {
        if (s.length() > lead.length() && s.regionMatches(true, 0, lead, 0, lead.length())
            && Words.isSpace(s.charAt(lead.length()))) {
          s = s.substring(lead.length()).strip();
          changed = true;
        }
      }
    }
    for (String tail : List.of(" or equivalent", " or willingness to complete it", " or willingness to complete",
        " experience", " skills", " knowledge")) {
      if (s.toLowerCase(Locale.ROOT).endsWith(tail) && s.length() > tail.length()) {
        s = s.substring(0, s.length() - tail.length()).strip();
      }
    }
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    int words = SkillTokens.of(s).size();
    if (words == 0 || words > 5 || JobMatcher.maxYears(s) > 0) {
      return null;
    }
    return s;
  }

  private static String cut(String s, char at) {
    int i = s.indexOf(at);
    return i > 0 ? s.substring(0, i) : s;
  }

  static String kind(String name, String line) {
    String n = name.toLowerCase(Locale.ROOT);
    if (LICENCE_WORDS.stream().anyMatch(n::contains) || LICENCE_WORDS.stream().anyMatch(line::contains)) {
      return "licence";
    }
    if (CERT_WORDS.stream().anyMatch(n::contains)) {
      return "certification";
    }
    if (EDUCATION_WORDS.stream().anyMatch(n::contains)) {
      return "education";
    }
    return CERT_WORDS.stream().anyMatch(line::contains) && Words.count(name) <= 3 ? "certification" : "skill";
  }
}
