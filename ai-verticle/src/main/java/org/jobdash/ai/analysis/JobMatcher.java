package org.jobdash.ai.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.embedding.Vectors;
import org.jobdash.ai.skills.SkillReport;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a résumé against a job description: semantic similarity of their chunks (for each job chunk its best
 * résumé chunk, averaged) and the share of the job's skills the résumé names; recommendations in the job's trade.
 */
public final class JobMatcher {

  /** The outcome of one match. */
  public record Match(double score, double semanticSimilarity, Double skillScore, Double experienceScore,
                      List<String> matchedSkills, List<String> missingSkills, List<String> recommendations,
                      String jobCategory) {
    public JsonObject toJson() {
      return new JsonObject().put("score", score).put("semanticSimilarity", semanticSimilarity)
          .put("skillMatchScore", skillScore).put("experienceMatchScore", experienceScore)
          .put("matchedSkills", new JsonArray(matchedSkills)).put("missingSkills", new JsonArray(missingSkills))
          .put("recommendations", new JsonArray(recommendations)).put("jobCategory", jobCategory);
    }
  }

  private JobMatcher() {}

  public static Match match(SkillTaxonomy taxonomy, String resume, String job, List<float[]> resumeChunks,
                            List<float[]> jobChunks, Deadline deadline) {
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

    SkillReport jobSkills = SkillReport.of(taxonomy, taxonomy.findByPhrase(job, deadline));
    List<String> resumeSkills = taxonomy.findByPhrase(resume, deadline).stream().map(f -> f.skill().name()).toList();
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String skill : jobSkills.names()) {
      (resumeSkills.contains(skill) ? matched : missing).add(skill);
    }
    Double skillScore = jobSkills.found().isEmpty() ? null : 100.0 * matched.size() / jobSkills.found().size();
    Double experience = experienceScore(resume, job);
    double score = skillScore == null ? semanticScore : 0.55 * semanticScore + 0.45 * skillScore;
    if (experience != null) {
      score = 0.9 * score + 0.1 * experience;
    }

    List<String> recommendations = new ArrayList<>();
    String category = jobSkills.primaryCategory();
    // missing skills come from the job's own, so a job with missing skills always has a trade
    String trade = category == null ? null : taxonomy.category(category).label().toLowerCase(Locale.ROOT);
    if (!missing.isEmpty()) {
      recommendations.add("The posting asks for " + String.join(", ", missing.subList(0, Math.min(6, missing.size())))
          + ": if you have these, name them in your skills section and show them in "
          + ("aeiou".indexOf(trade.charAt(0)) >= 0 ? "an " : "a ") + trade + " role.");
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
        category);
  }

  private static Double experienceScore(String resume, String job) {
    int required = maxYears(job);
    if (required == 0) {
      return null;
    }
    return round(Math.min(100, 100.0 * maxYears(resume) / required));
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
