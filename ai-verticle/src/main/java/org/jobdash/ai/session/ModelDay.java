package org.jobdash.ai.session;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.UUID;

/** One model's counters for one day and operation, a row of {@code get_model_performance_trends}. */
public record ModelDay(UUID modelId, String modelName, String provider, LocalDate periodDate, String operation,
                       long requestCount, long successCount, long failureCount, long fallbackCount,
                       double successRate, double avgLatencyMs, Double p95LatencyMs, long inputTokens,
                       long outputTokens, long totalTokens, double totalCost) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("modelId", modelId.toString())
        .put("modelName", modelName)
        .put("provider", provider)
        .put("periodDate", periodDate.toString())
        .put("operation", operation)
        .put("requestCount", requestCount)
        .put("successCount", successCount)
        .put("failureCount", failureCount)
        .put("fallbackCount", fallbackCount)
        .put("successRate", successRate)
        .put("avgLatencyMs", avgLatencyMs)
        .put("p95LatencyMs", p95LatencyMs)
        .put("inputTokens", inputTokens)
        .put("outputTokens", outputTokens)
        .put("totalTokens", totalTokens)
        .put("totalCost", totalCost);
  }
}
