package org.jobdash.resume.optimization;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A {@code resume_optimizations} row as the seed's {@code get_optimization_history} gives it, with its feedback.
 * {@code changes} is the AI service's change list as it sent it.
 */
public record Optimization(UUID id, UUID resumeId, String status, String optimizationType, String targetRole,
                           UUID templateId, String aiModel, Double scoreBefore, Double scoreAfter, Double improvement,
                           JsonArray changes, UUID resultVersionId, Integer resultVersionNumber, String errorMessage,
                           Integer processingTimeMs, int attempts, OffsetDateTime requestedAt,
                           OffsetDateTime startedAt, OffsetDateTime completedAt, int feedbackCount, Double avgRating,
                           List<Feedback> feedback) {

  public JsonObject toJson() {
    JsonArray feedbackList = new JsonArray();
    feedback.forEach(f -> feedbackList.add(f.toJson()));
    return new JsonObject()
        .put("id", id.toString())
        .put("resumeId", resumeId.toString())
        .put("status", status)
        .put("optimizationType", optimizationType)
        .put("targetRole", targetRole)
        .put("templateId", Rows.text(templateId))
        .put("aiModel", aiModel)
        .put("scoreBefore", scoreBefore)
        .put("scoreAfter", scoreAfter)
        .put("improvement", improvement)
        .put("changes", changes)
        .put("resultVersionId", Rows.text(resultVersionId))
        .put("resultVersionNumber", resultVersionNumber)
        .put("errorMessage", errorMessage)
        .put("processingTimeMs", processingTimeMs)
        .put("attempts", attempts)
        .put("requestedAt", Rows.iso(requestedAt))
        .put("startedAt", Rows.iso(startedAt))
        .put("completedAt", Rows.iso(completedAt))
        .put("feedbackCount", feedbackCount)
        .put("avgRating", avgRating)
        .put("feedback", feedbackList);
  }
}
