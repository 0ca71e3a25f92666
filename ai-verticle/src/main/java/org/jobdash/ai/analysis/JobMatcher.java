package org.jobdash.ai.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.embedding.Vectors;
import org.jobdash.ai.skills.SkillReport;
import org.jobdash.ai.skills.SkillTaxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a résumé against a job description: semantic similarity of their chunks (for each job chunk its best
 * résumé chunk, averaged) and the share of the job's skills the résumé names; recommendations in the job's trade.
 */
public final class JobMatcher {

  private static final Pattern YEARS = Pattern.compile("(\\d{1,2})\\s*\\+?\\s*(?:years|yrs)", Pattern.CASE_INSENSITIVE);

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
                            List<float[]> jobChunks) {
    double total = 0;
    for (float[] j : jobChunks) {
      double best = -1;
      for (float[] r : resumeChunks) {
        best = Math.max(best, Vectors.cosine(j, r));
      }
      total += best;
    }
    double semantic = jobChunks.isEmpty() ? 0 : total / jobChunks.size();
    double semanticScore = clamp((semantic - 0.15) / (0.75 - 0.15) * 100);

    SkillReport jobSkills = SkillReport.of(taxonomy, taxonomy.findByPhrase(job));
    List<String> resumeSkills = taxonomy.findByPhrase(resume).stream().map(f -> f.skill().name()).toList();
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
    String trade = category == null ? "this" : taxonomy.category(category).label().toLowerCase();
    if (!missing.isEmpty()) {
      recommendations.add("The posting asks for " + String.join(", ", missing.subList(0, Math.min(6, missing.size())))
          + ": if you have these, name them in your skills section and show them in "
          + (trade.matches("[aeiou].*") ? "an " : "a ") + trade + " role.");
    }
    if (semantic < 0.45) {
      recommendations.add("Your experience reads far from this " + trade + " posting: mirror its wording for the "
          + "duties you have really done, and lead with the most relevant role.");
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

  private static int maxYears(String text) {
    int max = 0;
    Matcher m = YEARS.matcher(text);
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
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
