package org.jobdash.resume.analysis;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.resume.Timestamps;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code resume_analyses} row: one answer of the AI service to an analysis request. */
public record Analysis(UUID id, UUID requestId, String analysisType, String status, Double overallScore,
                       Double atsScore, Double contentScore, Double skillsScore, Object skills, Object findings,
                       Object recommendations, String aiModel, Integer processingTimeMs, String errorMessage,
                       OffsetDateTime createdAt) {

  static final String COLUMNS = "a.id, a.request_id, a.analysis_type, a.status, a.overall_score, a.ats_score, "
      + "a.content_score, a.skills_score, a.skills, a.findings, a.recommendations, a.ai_model, a.processing_time_ms, "
      + "a.error_message, a.created_at";

  static Analysis from(Row r) {
    return new Analysis(r.getUUID("id"), r.getUUID("request_id"), r.getString("analysis_type"), r.getString("status"),
        r.getDouble("overall_score"), r.getDouble("ats_score"), r.getDouble("content_score"),
        r.getDouble("skills_score"), r.getValue("skills"), r.getValue("findings"), r.getValue("recommendations"),
        r.getString("ai_model"), r.getInteger("processing_time_ms"), r.getString("error_message"),
        r.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("requestId", requestId == null ? null : requestId.toString())
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
        .put("createdAt", Timestamps.iso(createdAt));
  }
}
