package org.jobdash.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The reply to {@link OptimizeResume}: the new content, the list of changes (each
 * {@code {section, changeType: added|removed|modified, oldValue, newValue, reason}}), and scores 0–100.
 */
public record OptimizationResult(UUID requestId, String optimizedContent, JsonArray changes, double scoreBefore,
                                 double scoreAfter, String model, UUID templateId, long processingTimeMs) {

  public JsonObject toJson() {
    return Bus.message()
        .put("requestId", requestId.toString())
        .put("optimizedContent", optimizedContent)
        .put("changes", changes == null ? new JsonArray() : changes)
        .put("scoreBefore", scoreBefore)
        .put("scoreAfter", scoreAfter)
        .put("model", model)
        .put("templateId", templateId == null ? null : templateId.toString())
        .put("processingTimeMs", processingTimeMs);
  }

  public static OptimizationResult fromJson(JsonObject json) {
    String template = json.getString("templateId");
    return new OptimizationResult(UUID.fromString(json.getString("requestId")), json.getString("optimizedContent"),
        json.getJsonArray("changes", new JsonArray()), json.getDouble("scoreBefore", 0.0),
        json.getDouble("scoreAfter", 0.0), json.getString("model"), template == null ? null : UUID.fromString(template),
        json.getLong("processingTimeMs", 0L));
  }
}
