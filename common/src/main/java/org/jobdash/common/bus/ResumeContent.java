package org.jobdash.common.bus;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * {@code resume.content.get} (request, AI → résumé): ask with {@link #request}; the résumé service answers with
 * {@link #toJson} only when {@code userId} owns the résumé, and fails the message with 404 otherwise.
 */
public record ResumeContent(UUID resumeId, UUID userId, String title, String content) {

  /** The question: whose résumé, asked by whom. */
  public record Query(UUID resumeId, UUID userId) {
    public static Query fromJson(JsonObject json) {
      return new Query(Bus.uuid(json, "resumeId"), Bus.uuid(json, "userId"));
    }
  }

  public static JsonObject request(UUID resumeId, UUID userId) {
    return Bus.message().put("resumeId", resumeId.toString()).put("userId", userId.toString());
  }

  public JsonObject toJson() {
    return Bus.message()
        .put("resumeId", resumeId.toString())
        .put("userId", userId.toString())
        .put("title", title)
        .put("content", content);
  }

  public static ResumeContent fromJson(JsonObject json) {
    return new ResumeContent(UUID.fromString(json.getString("resumeId")), UUID.fromString(json.getString("userId")),
        json.getString("title"), json.getString("content", ""));
  }
}
