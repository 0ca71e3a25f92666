package org.jobdash.resume.optimization;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.resume.Timestamps;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code resume_optimizations} row as the seed's {@code get_optimization_history} gives it, with its feedback. */
public record Optimization(UUID id, UUID resumeId, String status, String optimizationType, String targetRole,
                           UUID templateId, String aiModel, Double scoreBefore, Double scoreAfter, Double improvement,
                           JsonArray changes, UUID resultVersionId, Integer resultVersionNumber, String errorMessage,
                           Integer processingTimeMs, int attempts, OffsetDateTime requestedAt,
                           OffsetDateTime startedAt, OffsetDateTime completedAt, int feedbackCount, Double avgRating,
                           JsonArray feedback) {

  static Optimization from(Row r) {
    return new Optimization(r.getUUID("optimization_id"), r.getUUID("resume_id"), r.getString("status"),
        r.getString("optimization_type"), r.getString("target_role"), r.getUUID("template_id"), r.getString("ai_model"),
        r.getDouble("score_before"), r.getDouble("score_after"), r.getDouble("improvement"),
        r.getValue("changes") instanceof JsonArray a ? a : new JsonArray(), r.getUUID("result_version_id"),
        r.getInteger("result_version_number"), r.getString("error_message"), r.getInteger("processing_time_ms"),
        r.getInteger("attempts"), r.getOffsetDateTime("requested_at"), r.getOffsetDateTime("started_at"),
        r.getOffsetDateTime("completed_at"), r.getInteger("feedback_count"), r.getDouble("avg_rating"),
        feedback(r.getValue("feedback") instanceof JsonArray a ? a : new JsonArray()));
  }

  /** The seed's feedback documents use column names; the API speaks camelCase (and the owner needs no user id). */
  private static JsonArray feedback(JsonArray seed) {
    JsonArray out = new JsonArray();
    for (Object item : seed) {
      JsonObject f = (JsonObject) item;
      out.add(new JsonObject().put("id", f.getString("id")).put("rating", f.getInteger("rating"))
          .put("helpful", f.getBoolean("helpful")).put("comment", f.getString("comment"))
          .put("createdAt", f.getString("created_at")));
    }
    return out;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("resumeId", resumeId.toString())
        .put("status", status)
        .put("optimizationType", optimizationType)
        .put("targetRole", targetRole)
        .put("templateId", templateId == null ? null : templateId.toString())
        .put("aiModel", aiModel)
        .put("scoreBefore", scoreBefore)
        .put("scoreAfter", scoreAfter)
        .put("improvement", improvement)
        .put("changes", changes)
        .put("resultVersionId", resultVersionId == null ? null : resultVersionId.toString())
        .put("resultVersionNumber", resultVersionNumber)
        .put("errorMessage", errorMessage)
        .put("processingTimeMs", processingTimeMs)
        .put("attempts", attempts)
        .put("requestedAt", Timestamps.iso(requestedAt))
        .put("startedAt", Timestamps.iso(startedAt))
        .put("completedAt", Timestamps.iso(completedAt))
        .put("feedbackCount", feedbackCount)
        .put("avgRating", avgRating)
        .put("feedback", feedback);
  }
}
