package org.jobdash.common.bus;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * {@code ai.resume.analyze} (send, résumé → AI). {@code requestId} identifies one analysis request: a repeated
 * delivery of the same id is done once.
 */
public record AnalyzeResume(UUID requestId, UUID resumeId, UUID userId, String title, String content) {

  public JsonObject toJson() {
    return Bus.message()
        .put("requestId", requestId.toString())
        .put("resumeId", resumeId.toString())
        .put("userId", userId.toString())
        .put("title", title)
        .put("content", content);
  }

  public static AnalyzeResume fromJson(JsonObject json) {
    return new AnalyzeResume(UUID.fromString(json.getString("requestId")), UUID.fromString(json.getString("resumeId")),
        UUID.fromString(json.getString("userId")), json.getString("title"), json.getString("content", ""));
  }
}
