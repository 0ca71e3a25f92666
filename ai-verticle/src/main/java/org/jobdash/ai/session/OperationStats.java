package org.jobdash.ai.session;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;

/** One operation's row of {@code get_processing_session_stats}: counts, latency, tokens and cost of its sessions. */
public record OperationStats(String operation, long totalSessions, long completedSessions, long failedSessions,
                             long inProgressSessions, double successRate, double avgLatencyMs, double p95LatencyMs,
                             long totalInputTokens, long totalOutputTokens, long totalTokens, double totalCost,
                             long fallbackCount, long distinctUsers, OffsetDateTime firstSessionAt,
                             OffsetDateTime lastSessionAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("operation", operation)
        .put("totalSessions", totalSessions)
        .put("completedSessions", completedSessions)
        .put("failedSessions", failedSessions)
        .put("inProgressSessions", inProgressSessions)
        .put("successRate", successRate)
        .put("avgLatencyMs", avgLatencyMs)
        .put("p95LatencyMs", p95LatencyMs)
        .put("totalInputTokens", totalInputTokens)
        .put("totalOutputTokens", totalOutputTokens)
        .put("totalTokens", totalTokens)
        .put("totalCost", totalCost)
        .put("fallbackCount", fallbackCount)
        .put("distinctUsers", distinctUsers)
        .put("firstSessionAt", Rows.iso(firstSessionAt))
        .put("lastSessionAt", Rows.iso(lastSessionAt));
  }
}
