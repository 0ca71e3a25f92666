package org.jobdash.common.bus;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * {@code ai.resume.optimize} (request, résumé → AI). {@code requestId} is the résumé service's optimisation id;
 * the reply is an {@link OptimizationResult}.
 */
public record OptimizeResume(UUID requestId, UUID resumeId, UUID userId, String content, String jobDescription,
                             UUID templateId, String targetRole) {

  public JsonObject toJson() {
    return Bus.message()
        .put("requestId", requestId.toString())
        .put("resumeId", resumeId.toString())
        .put("userId", userId.toString())
        .put("content", content)
        .put("jobDescription", jobDescription)
        .put("templateId", templateId == null ? null : templateId.toString())
        .put("targetRole", targetRole);
  }

  public static OptimizeResume fromJson(JsonObject json) {
    String template = json.getString("templateId");
    return new OptimizeResume(UUID.fromString(json.getString("requestId")), UUID.fromString(json.getString("resumeId")),
        UUID.fromString(json.getString("userId")), json.getString("content", ""), json.getString("jobDescription"),
        template == null ? null : UUID.fromString(template), json.getString("targetRole"));
  }
}
