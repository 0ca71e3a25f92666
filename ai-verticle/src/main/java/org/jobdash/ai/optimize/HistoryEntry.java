package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a caller's {@code optimization_history}, with the name of its template. */
public record HistoryEntry(UUID id, UUID optimizationId, UUID resumeId, UUID templateId, String templateName,
                           UUID sessionId, String action, Double scoreBefore, Double scoreAfter, Double improvement,
                           String modelName, Integer changesCount, Boolean accepted, OffsetDateTime createdAt) {

  /** Where the page after this entry starts. */
  public KeysetCursor position() {
    return new KeysetCursor(createdAt, id);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("optimizationId", Rows.text(optimizationId))
        .put("resumeId", Rows.text(resumeId))
        .put("templateId", Rows.text(templateId))
        .put("templateName", templateName)
        .put("sessionId", Rows.text(sessionId))
        .put("action", action)
        .put("scoreBefore", scoreBefore)
        .put("scoreAfter", scoreAfter)
        .put("improvement", improvement)
        .put("modelName", modelName)
        .put("changesCount", changesCount)
        .put("accepted", accepted)
        .put("createdAt", Rows.iso(createdAt));
  }
}
