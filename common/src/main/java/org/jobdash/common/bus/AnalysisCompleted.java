package org.jobdash.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * {@code resume.analysis.completed} (publish, AI → résumé): the outcome of one {@link AnalyzeResume} request.
 * Scores are 0–100 or null; {@code skills} is an array of {@code {name, category}}; {@code findings} an object;
 * {@code recommendations} an array of strings; {@code error} is set when {@code status} is {@code failed}.
 */
public record AnalysisCompleted(UUID requestId, UUID resumeId, UUID userId, String status, Double overallScore,
                                Double atsScore, Double contentScore, Double skillsScore, JsonArray skills,
                                JsonObject findings, JsonArray recommendations, String model, long processingTimeMs,
                                String error) {

  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  public JsonObject toJson() {
    return Bus.message()
        .put("requestId", requestId.toString())
        .put("resumeId", resumeId.toString())
        .put("userId", userId.toString())
        .put("status", status)
        .put("overallScore", overallScore)
        .put("atsScore", atsScore)
        .put("contentScore", contentScore)
        .put("skillsScore", skillsScore)
        .put("skills", skills == null ? new JsonArray() : skills)
        .put("findings", findings == null ? new JsonObject() : findings)
        .put("recommendations", recommendations == null ? new JsonArray() : recommendations)
        .put("model", model)
        .put("processingTimeMs", processingTimeMs)
        .put("error", error);
  }

  public static AnalysisCompleted fromJson(JsonObject json) {
    return new AnalysisCompleted(UUID.fromString(json.getString("requestId")),
        UUID.fromString(json.getString("resumeId")), UUID.fromString(json.getString("userId")),
        json.getString("status"), json.getDouble("overallScore"), json.getDouble("atsScore"),
        json.getDouble("contentScore"), json.getDouble("skillsScore"), json.getJsonArray("skills", new JsonArray()),
        json.getJsonObject("findings", new JsonObject()), json.getJsonArray("recommendations", new JsonArray()),
        json.getString("model"), json.getLong("processingTimeMs", 0L), json.getString("error"));
  }
}
