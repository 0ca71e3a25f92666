package org.jobdash.ai.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.embedding.Vectors;
import org.jobdash.ai.skills.SkillExtractor;
import org.jobdash.ai.skills.SkillReport;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.skills.SkillTokens;
import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a résumé against a job description. The job is read into what it requires and prefers
 * ({@link JobRequirements}); each item is looked for in the résumé — a taxonomy skill among the résumé's skills
 * ({@link SkillExtractor}), another phrase by its words on one résumé line, or by meaning (a résumé line whose
 * vector is near the phrase's and that shares a word with it, so no near miss from another trade counts) — and the
 * line that is the evidence is named. Required items weigh twice what preferred ones do; every required item the
 * résumé lacks is missing. Semantic similarity of the two texts' chunks (for each job chunk its best résumé chunk,
 * averaged) makes up the rest of the score. Pure CPU, linear in the texts; checks its deadline as it goes.
 */
public final class JobMatcher {

  /** A résumé line counts as meaning a requirement from this cosine similarity up (and a shared word). */
  static final double MEANING_THRESHOLD = 0.7;
  /**
   * At most this many requirements and résumé lines are compared by meaning (the rest by their words only), so
   * that a text of thousands of short lines costs no more embeddings than a résumé does.
   */
  static final int MAX_MEANING_REQUIREMENTS = 60;
  static final int MAX_MEANING_LINES = 150;
  static final double REQUIRED_WEIGHT = 2;
  static final double PREFERRED_WEIGHT = 1;

  /** How one requirement fares: the résumé line that meets it, or none. */
  public record Evidence(String name, String kind, boolean required, boolean met, String matchedBy,
                         String resumeLine, String jobLine) {
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("kind", kind).put("required", required).put("met", met)
          .put("matchedBy", matchedBy).put("evidence", resumeLine).put("jobLine", jobLine);
    }
  }

  /** The outcome of one match. */
  public record Match(double score, double semanticSimilarity, Double skillScore, Double experienceScore,
                      List<String> matchedSkills, List<String> missingSkills, List<String> recommendations,
                      String jobCategory, List<String> missingPreferred, List<Evidence> requirements) {
    public JsonObject toJson() {
      JsonArray evidence = new JsonArray();
      requirements.forEach(e -> evidence.add(e.toJson()));
      return new JsonObject().put("score", score).put("semanticSimilarity", semanticSimilarity)
          .put("skillMatchScore", skillScore).put("experienceMatchScore", experienceScore)
          .put("matchedSkills", new JsonArray(matchedSkills)).put("missingSkills", new JsonArray(missingSkills))
          .put("missingPreferredSkills", new JsonArray(missingPreferred))
          .put("requirements", evidence)
          .put("recommendations", new JsonArray(recommendations)).put("jobCategory", jobCategory);
    }
  }

  private JobMatcher() {}

  /**
   * The texts whose vectors {@link #match} compares by meaning: the phrases of the job's requirements and the
   * résumé's lines. Embed them (off the worker) and hand the vectors back, in this order.
   */
  public static List<String> meaningTexts(SkillTaxonomy taxonomy, String resume, String job, Deadline deadline) {
    return meaningTexts(resume, JobRequirements.parse(taxonomy, job, deadline), deadline);
  }

  /** As {@link #meaningTexts(SkillTaxonomy, String, String, Deadline)} for a job already read. */
  public static List<String> meaningTexts(String resume, JobRequirements.Parsed job, Deadline deadline) {
    List<String> texts = new ArrayList<>();
    job.requirements().stream().map(JobRequirements.Requirement::name)
        .filter(JobMatcher::hasWords).distinct().limit(MAX_MEANING_REQUIREMENTS).forEach(texts::add);
    resumeLines(resume, deadline).stream().filter(JobMatcher::hasWords).distinct().limit(MAX_MEANING_LINES)
        .forEach(texts::add);
    return texts.stream().distinct().toList();
  }

  /** A text the model can embed: some letter or digit in it (a line of no-break spaces has none). */
  private static boolean hasWords(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** As {@link #match(SkillTaxonomy, String, String, List, List, Map, Deadline)} with no meaning vectors. */
  public static Match match(SkillTaxonomy taxonomy, String resume, String job, List<float[]> resumeChunks,
                            List<float[]> jobChunks, Deadline deadline) {
    return match(taxonomy, resume, job, resumeChunks, jobChunks, Map.of(), deadline);
  }

  /** {@code meaning} holds the vectors of {@link #meaningTexts}; an item without one is matched by words only. */
  public static Match match(SkillTaxonomy taxonomy, String resume, String job, List<float[]> resumeChunks,
                            List<float[]> jobChunks, Map<String, float[]> meaning, Deadline deadline) {
    return match(taxonomy, resume, JobRequirements.parse(taxonomy, job, deadline), resumeChunks, jobChunks, meaning,
        deadline);
  }

  /** As {@link #match(SkillTaxonomy, String, String, List, List, Map, Deadline)} for a job already read. */
  public static Match match(SkillTaxonomy taxonomy, String resume, JobRequirements.Parsed parsed,
                            List<float[]> resumeChunks, List<float[]> jobChunks, Map<String, float[]> meaning,
                            Deadline deadline) {
    double total = 0;
    for (float[] j : jobChunks) {
      deadline.check();
      double best = -1;
      for (float[] r : resumeChunks) {
        best = Math.max(best, Vectors.cosine(j, r));
      }
      total += best;
    }
    double semantic = jobChunks.isEmpty() ? 0 : total / jobChunks.size();
    double semanticScore = clamp((semantic - 0.15) / (0.75 - 0.15) * 100);

    List<SkillTaxonomy.Found> resumeSkills = SkillExtractor.extract(taxonomy, resume, deadline);
    List<String> lines = resumeLines(resume, deadline);
    List<Evidence> evidence = new ArrayList<>();
    double weight = 0;
    double met = 0;
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> missingPreferred = new ArrayList<>();
    for (JobRequirements.Requirement r : parsed.requirements()) {
      deadline.check();
      Evidence e = evidence(r, resumeSkills, lines, meaning);
      evidence.add(e);
      double w = r.required() ? REQUIRED_WEIGHT : PREFERRED_WEIGHT;
      weight += w;
      if (e.met()) {
        met += w;
        matched.add(r.name());
      } else {
        (r.required() ? missing : missingPreferred).add(r.name());
      }
    }
    Double experience = null;
    if (parsed.years() > 0) {
      int have = resumeYears(resume, deadline);
      experience = round(Math.min(100, 100.0 * have / parsed.years()));
      boolean enough = have >= parsed.years();
      evidence.add(new Evidence(parsed.years() + "+ years of experience", "experience", true, enough,
          enough ? "years" : null, enough ? have + " years from the dated roles and stated years" : null,
          parsed.yearsLine()));
      weight += REQUIRED_WEIGHT;
      met += REQUIRED_WEIGHT * Math.min(1, (double) have / parsed.years());
    }
    Double skillScore = weight == 0 ? null : 100.0 * met / weight;
    double score = skillScore == null ? semanticScore : 0.4 * semanticScore + 0.6 * skillScore;

    SkillReport jobSkills = SkillReport.of(taxonomy, parsed.requirements().stream()
        .filter(r -> r.skill() != null)
        .map(r -> new SkillTaxonomy.Found(r.skill(), "phrase", r.line(), 1.0)).toList());
    String category = jobSkills.primaryCategory();
    String trade = category == null ? null : taxonomy.category(category).label().toLowerCase(Locale.ROOT);
    List<String> recommendations = new ArrayList<>();
    if (!missing.isEmpty()) {
      recommendations.add("The posting asks for " + String.join(", ", missing.subList(0, Math.min(6, missing.size())))
          + ": if you have these, name them in your skills section and show them in "
          + (trade == null ? "your experience." : ("aeiou".indexOf(trade.charAt(0)) >= 0 ? "an " : "a ") + trade
          + " role."));
    }
    if (!missingPreferred.isEmpty()) {
      recommendations.add("It would also like " + String.join(", ", missingPreferred.subList(0,
          Math.min(4, missingPreferred.size()))) + ".");
    }
    if (semantic < 0.45) {
      recommendations.add("Your experience reads far from this " + (trade == null ? "" : trade + " ")
          + "posting: mirror its wording for the duties you have really done, and lead with the most relevant role.");
    }
    if (experience != null && experience < 100) {
      recommendations.add("The posting asks for more years of experience than the résumé shows: state your years in "
          + "the field in the summary, counting apprenticeships, internships and related roles.");
    }
    if (category != null) {
      recommendations.addAll(taxonomy.category(category).advice().subList(0, Math.min(2,
          taxonomy.category(category).advice().size())));
    }
    return new Match(round(score), Math.round(semantic * 100000) / 100000.0, skillScore == null ? null
        : round(skillScore), experience, List.copyOf(matched), List.copyOf(missing), List.copyOf(recommendations),
        category, List.copyOf(missingPreferred), List.copyOf(evidence));
  }

  private static Evidence evidence(JobRequirements.Requirement r, List<SkillTaxonomy.Found> resumeSkills,
                                   List<String> lines, Map<String, float[]> meaning) {
    for (SkillTaxonomy.Found f : resumeSkills) {
      if (f.skill().name().equalsIgnoreCase(r.name())) {
        return new Evidence(r.name(), r.kind(), r.required(), true, f.matchedBy(), f.evidence(), r.line());
      }
    }
    List<String> words = contentKeys(r.name());
    if (r.skill() == null && !words.isEmpty()) {
      for (String line : lines) {
        if (contentKeys(line).containsAll(words)) {
          return new Evidence(r.name(), r.kind(), r.required(), true, "phrase", SkillTaxonomy.evidence(line),
              r.line());
        }
      }
    }
    float[] want = meaning.get(r.name());
    if (want != null) {
      String best = null;
      double bestSim = MEANING_THRESHOLD;
      for (String line : lines) {
        float[] v = meaning.get(line);
        if (v == null) {
          continue;
        }
        double sim = Vectors.cosine(want, v);
        if (sim >= bestSim && shareAWord(words, contentKeys(line))) {
          bestSim = sim;
          best = line;
        }
      }
      if (best != null) {
        return new Evidence(r.name(), r.kind(), r.required(), true, "meaning", SkillTaxonomy.evidence(best),
            r.line());
      }
    }
    return new Evidence(r.name(), r.kind(), r.required(), false, null, null, r.line());
  }

  private static final Set<String> STOP = Set.of("and", "or", "the", "of", "to", "in", "for",
      "with", "a", "an", "on", "at", "by", "as", "your", "our", "own", "experience", "skill", "knowledge");

  /** The word keys of a text without its little words. */
  static List<String> contentKeys(String text) {
    List<String> out = new ArrayList<>();
    for (SkillTokens.Token t : SkillTokens.of(text)) {
      if (!STOP.contains(t.key())) {
        out.add(t.key());
      }
    }
    return out;
  }

  private static boolean shareAWord(List<String> a, List<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  /** The résumé's non-blank lines that are not headings, stripped, each read up to the line cap. */
  static List<String> resumeLines(String resume, Deadline deadline) {
    List<String> out = new ArrayList<>();
    for (String raw : Lines.split(resume)) {
      deadline.check();
      String line = Lines.capped(raw).strip();
      if (!line.isEmpty() && ContentAnalyzer.sectionOf(line) == null) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * The years of experience a résumé shows: the most it states ("6 years") or the span of the years its lines name,
   * "present" and "current" counting as this year, whichever is more.
   */
  static int resumeYears(String resume, Deadline deadline) {
    int first = Integer.MAX_VALUE;
    int last = 0;
    int now = Year.now().getValue();
    for (String raw : Lines.split(resume)) {
      deadline.check();
      String line = Lines.capped(raw);
      String lower = line.toLowerCase(Locale.ROOT);
      boolean dated = false;
      for (int i = 0; i + 4 <= line.length(); i++) {
        boolean boundary = (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)))
            && (i + 4 == line.length() || !Character.isLetterOrDigit(line.charAt(i + 4)));
        if (boundary && isYear(line, i, now)) {
          int y = Integer.parseInt(line, i, i + 4, 10);
          first = Math.min(first, y);
          last = Math.max(last, y);
          dated = true;
        }
      }
      if (dated && (lower.contains("present") || lower.contains("current") || lower.contains("now"))) {
        last = now;
      }
    }
    int span = first == Integer.MAX_VALUE ? 0 : last - first;
    return Math.max(span, maxYears(resume));
  }

  private static boolean isYear(String s, int i, int now) {
    for (int k = i; k < i + 4; k++) {
      if (!Words.isDigit(s.charAt(k))) {
        return false;
      }
    }
    int y = Integer.parseInt(s, i, i + 4, 10);
    return y >= 1960 && y <= now;
  }

  /**
   * The most years of experience a text names ("5 years", "10+ yrs"): {@code (?i)(\d{1,2})\s*\+?\s*(?:years|yrs)}
   * in one pass. Only the last one or two digits of a run of digits can stand before the unit, as in the pattern.
   */
  static int maxYears(String text) {
    int max = 0;
    int i = 0;
    while (i < text.length()) {
      if (!Words.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && Words.isDigit(text.charAt(i))) {
        i++;
      }
      int unit = Words.skipSpaces(text, i);
      if (unit < text.length() && text.charAt(unit) == '+') {
        unit = Words.skipSpaces(text, unit + 1);
      }
      if (Words.matchesAt(text, unit, "years") || Words.matchesAt(text, unit, "yrs")) {
        max = Math.max(max, Integer.parseInt(text, Math.max(start, i - 2), i, 10));
      }
    }
    return max;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }

  private static double round(double v) {
    return Math.round(clamp(v) * 100) / 100.0;
  }
}
