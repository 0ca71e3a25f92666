package org.jobdash.resume.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A {@code resume_analyses} row: one answer of the AI service to an analysis request. {@code skills}, {@code findings}
 * and {@code recommendations} are its JSON documents as it sent them.
 */
public record Analysis(UUID id, UUID requestId, String analysisType, String status, Double overallScore,
                       Double atsScore, Double contentScore, Double skillsScore, JsonArray skills, JsonObject findings,
                       JsonArray recommendations, String aiModel, Integer processingTimeMs, String errorMessage,
                       OffsetDateTime createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("requestId", Rows.text(requestId))
        .put("analysisType", analysisType)
        .put("status", status)
        .put("overallScore", overallScore)
        .put("atsScore", atsScore)
        .put("contentScore", contentScore)
        .put("skillsScore", skillsScore)
        .put("skills", skills)
        .put("findings", findings)
        .put("recommendations", recommendations)
        .put("aiModel", aiModel)
        .put("processingTimeMs", processingTimeMs)
        .put("errorMessage", errorMessage)
        .put("createdAt", Rows.iso(createdAt));
  }
}
