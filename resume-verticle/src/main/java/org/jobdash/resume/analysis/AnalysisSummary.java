package org.jobdash.resume.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The seed's {@code get_analysis_summary} of a résumé: counts, the latest completed analysis (its scores,
 * recommendations and skills) and the averages over completed ones; nulls when there is none.
 */
public record AnalysisSummary(long totalAnalyses, long completedAnalyses, long failedAnalyses, UUID latestAnalysisId,
                              String latestAnalysisType, OffsetDateTime latestAnalysisAt, Double latestOverallScore,
                              Double latestAtsScore, Double latestContentScore, Double latestSkillsScore,
                              JsonArray latestRecommendations, JsonArray latestSkills, Double avgOverallScore,
                              Double avgAtsScore, Double avgContentScore, Double avgSkillsScore,
                              OffsetDateTime firstAnalysisAt, OffsetDateTime lastAnalysisAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("totalAnalyses", totalAnalyses)
        .put("completedAnalyses", completedAnalyses)
        .put("failedAnalyses", failedAnalyses)
        .put("latestAnalysisId", Rows.text(latestAnalysisId))
        .put("latestAnalysisType", latestAnalysisType)
        .put("latestAnalysisAt", Rows.iso(latestAnalysisAt))
        .put("latestOverallScore", latestOverallScore)
        .put("latestAtsScore", latestAtsScore)
        .put("latestContentScore", latestContentScore)
        .put("latestSkillsScore", latestSkillsScore)
        .put("latestRecommendations", latestRecommendations)
        .put("latestSkills", latestSkills)
        .put("avgOverallScore", avgOverallScore)
        .put("avgAtsScore", avgAtsScore)
        .put("avgContentScore", avgContentScore)
        .put("avgSkillsScore", avgSkillsScore)
        .put("firstAnalysisAt", Rows.iso(firstAnalysisAt))
        .put("lastAnalysisAt", Rows.iso(lastAnalysisAt));
  }
}
