package org.jobdash.ai.skills;

import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.text.Lines;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The skills of a résumé, read section by section in one pass over its lines. A skill named by a taxonomy phrase
 * weighs by where it stands: listed in a Skills or Certifications section (1.0), used in an experience line (0.9),
 * in the summary or education (0.8), elsewhere (0.7), or only mentioned in passing ("familiar with", "exposure
 * to": 0.4). Skills no taxonomy names are taken as written from two places: the items of a skills, certifications
 * or qualifications list ({@code listed}, 0.9) and what an experience bullet's verb acts on ({@code used}, 0.6:
 * "Complete medicines reconciliation on admission" → "medicines reconciliation"). A list's label ("Languages:")
 * and a heading are never skills, and no skill comes from part of a word. Plain code over each line, linear in the
 * text; checks the deadline line by line.
 */
public final class SkillExtractor {

  /** Words of a line that make any skill in it a passing mention. */
  private static final List<String> PASSING = List.of("familiar with", "familiarity with", "exposure to",
      "basic knowledge", "some knowledge", "interest in", "interested in", "learning ", "introduction to",
      "awareness of");
  /** Words that make a listed item a place or a date rather than a skill. */
  private static final Set<String> NOT_SKILLS = Set.of("university", "college", "school", "institute", "institut",
      "academy", "ltd", "plc", "inc", "llp", "hospital", "trust", "present", "references", "available", "request");
  /** Generic degree names: a degree is listed by the taxonomy's name for it, or not at all. */
  private static final Set<String> DEGREES = Set.of("bsc", "ba", "bs", "ma", "msc", "mmath", "meng", "beng", "phd",
      "hons", "mba", "ms", "bed", "diploma");
  private static final Set<String> LISTS = Set.of("skills", "certifications");
  private static final Set<String> EXPERIENCE = Set.of("experience", "projects", "volunteer");

  private SkillExtractor() {}

  public static List<SkillTaxonomy.Found> extract(SkillTaxonomy taxonomy, String text, Deadline deadline) {
    Map<String, SkillTaxonomy.Found> found = new LinkedHashMap<>();
    String section = null;
    boolean listed = false;
    for (String raw : Lines.split(text)) {
      deadline.check();
      String line = Lines.capped(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String heading = ContentAnalyzer.sectionOf(line);
      if (heading != null) {
        section = heading;
        // a "Qualifications" list holds certificates and licences more than degrees
        listed = LISTS.contains(heading) || line.toLowerCase(Locale.ROOT).contains("qualification");
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      boolean passing = PASSING.stream().anyMatch(lower::contains);
      double weight = passing ? 0.4 : weight(section);
      String evidence = SkillTaxonomy.evidence(line);
      List<SkillTaxonomy.PhraseHit> hits = taxonomy.scan(line);
      int marker = Lines.markerEnd(line, 0, true);
      if (marker >= 0 && section != null && EXPERIENCE.contains(section) && !passing) {
        String body = line.substring(marker);
        for (int[] object : BulletPhrases.of(body)) {
          int from = marker + object[0];
          int to = marker + object[1];
          if (hits.stream().noneMatch(h -> h.start() < to && h.end() > from)) {
            keep(found, new SkillTaxonomy.Found(SkillTaxonomy.Skill.unlisted(line.substring(from, to)), "used",
                evidence, 0.6, section));
          }
        }
      }
      for (SkillTaxonomy.PhraseHit h : hits) {
        keep(found, new SkillTaxonomy.Found(h.skill(), "phrase", evidence, weight, section));
      }
      if (listed && !passing) {
        for (int[] item : ListItems.of(line)) {
          if (hits.stream().noneMatch(h -> h.start() < item[1] && h.end() > item[0])) {
            String name = ListItems.clean(line.substring(item[0], item[1]));
            if (looksLikeASkill(name)) {
              keep(found, new SkillTaxonomy.Found(SkillTaxonomy.Skill.unlisted(name), "listed", evidence, 0.9,
                  section));
            }
          }
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static double weight(String section) {
    if (section == null) {
      return 0.7;
    }
    return switch (section) {
      case "skills", "certifications" -> 1.0;
      case "experience", "projects", "achievements", "volunteer" -> 0.9;
      case "summary", "education" -> 0.8;
      default -> 0.7;
    };
  }

  /** One entry per skill name, the weightiest evidence kept. */
  private static void keep(Map<String, SkillTaxonomy.Found> found, SkillTaxonomy.Found f) {
    String key = f.skill().name().toLowerCase(Locale.ROOT);
    SkillTaxonomy.Found old = found.get(key);
    if (old == null || f.confidence() > old.confidence()) {
      found.put(key, old == null ? f : new SkillTaxonomy.Found(old.skill(), old.matchedBy(), f.evidence(),
          f.confidence(), f.section()));
    }
  }

  /** An item of one to five words with a letter, not a place, date or bare degree name. */
  static boolean looksLikeASkill(String item) {
    List<SkillTokens.Token> tokens = SkillTokens.of(item);
    if (tokens.isEmpty() || tokens.size() > 5 || item.length() < 2 || item.chars().noneMatch(Character::isLetter)) {
      return false;
    }
    for (SkillTokens.Token t : tokens) {
      String k = t.exact().toLowerCase(Locale.ROOT);
      if (NOT_SKILLS.contains(k) || DEGREES.contains(k)) {
        return false;
      }
    }
    return !(tokens.size() == 1 && tokens.get(0).exact().chars().allMatch(Character::isDigit));
  }
}
