package org.jobdash.ai.session;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One of a caller's {@code ai_processing_sessions}, as the sessions list shows it. */
public record SessionRow(UUID id, String operation, String model, String provider, String status,
                         boolean fallbackUsed, Integer inputTokens, Integer outputTokens, Integer totalTokens,
                         Integer latencyMs, Double costEstimate, String error, UUID requestId, UUID resumeId,
                         OffsetDateTime createdAt, OffsetDateTime completedAt) {

  /** Where the page after this row starts. */
  public KeysetCursor position() {
    return new KeysetCursor(createdAt, id);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("operation", operation)
        .put("model", model)
        .put("provider", provider)
        .put("status", status)
        .put("fallbackUsed", fallbackUsed)
        .put("inputTokens", inputTokens)
        .put("outputTokens", outputTokens)
        .put("totalTokens", totalTokens)
        .put("latencyMs", latencyMs)
        .put("costEstimate", costEstimate)
        .put("error", error)
        .put("requestId", Rows.text(requestId))
        .put("resumeId", Rows.text(resumeId))
        .put("createdAt", Rows.iso(createdAt))
        .put("completedAt", Rows.iso(completedAt));
  }
}
