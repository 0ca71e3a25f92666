package org.jobdash.ai.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.KeysetCursor;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The session and model records as clients read them. */
class SessionJsonTest {

  static final OffsetDateTime AT_PLUS_TWO = OffsetDateTime.of(2026, 12, 1, 23, 22, 0, 0, ZoneOffset.ofHours(2));
  static final UUID ID = UUID.fromString("6f1c2a4e-0d7b-4c35-9a8e-2b1d9e0f4a11");

  @Test
  void aSessionIsWrittenWithEveryFieldAndItsTimesAsUtcInstants() {
    UUID request = UUID.randomUUID();
    SessionRow row = new SessionRow(ID, "job_match", "all-minilm-l6-v2-q", "local", "completed", false, 120, 0, 120,
        35, 0.0, null, request, null, AT_PLUS_TWO, AT_PLUS_TWO.plusNanos(1_500_000));
    JsonObject json = row.toJson();
    assertThat(json.fieldNames()).containsExactly("id", "operation", "model", "provider", "status", "fallbackUsed",
        "inputTokens", "outputTokens", "totalTokens", "latencyMs", "costEstimate", "error", "requestId", "resumeId",
        "createdAt", "completedAt");
    assertThat(json.getString("id")).isEqualTo(ID.toString());
    assertThat(json.getString("createdAt")).isEqualTo("2026-12-01T21:22:00Z");
    assertThat(json.getString("completedAt")).isEqualTo("2026-12-01T21:22:00.001500Z");
    assertThat(json.getString("requestId")).isEqualTo(request.toString());
    assertThat(json.containsKey("resumeId")).isTrue();
    assertThat(json.getValue("resumeId")).isNull();
    assertThat(json.getValue("error")).isNull();
    assertThat(json.getInteger("latencyMs")).isEqualTo(35);
  }

  @Test
  void aSessionStillProcessingHasNoCompletionTime() {
    SessionRow row = new SessionRow(ID, "resume_analysis", null, null, "processing", false, 0, 0, 0, null, null, null,
        null, null, AT_PLUS_TWO, null);
    assertThat(row.toJson().getValue("completedAt")).isNull();
    assertThat(row.toJson().getValue("model")).isNull();
  }

  @Test
  void theNextPageStartsAfterTheRowsTimeAndId() {
    SessionRow row = new SessionRow(ID, "search", null, null, "completed", false, 0, 0, 0, 1, 0.0, null, null, null,
        AT_PLUS_TWO, AT_PLUS_TWO);
    KeysetCursor next = KeysetCursor.decode(row.position().encode());
    assertThat(next.id()).isEqualTo(ID);
    assertThat(next.createdAt().toInstant()).isEqualTo(AT_PLUS_TWO.toInstant());
  }

  @Test
  void operationStatsAreWrittenWithTheirCountsAndTimes() {
    JsonObject json = new OperationStats("embedding", 3, 2, 1, 0, 66.67, 12.5, 20.0, 300, 0, 300, 0.0, 0, 1,
        AT_PLUS_TWO, AT_PLUS_TWO).toJson();
    assertThat(json.getLong("totalSessions")).isEqualTo(3);
    assertThat(json.getDouble("successRate")).isEqualTo(66.67);
    assertThat(json.getString("firstSessionAt")).isEqualTo("2026-12-01T21:22:00Z");
    assertThat(json.fieldNames()).hasSize(16);
  }

  @Test
  void aModelIsWrittenWithItsPricesAndCapabilities() {
    JsonObject json = new ModelRow(ID, "gpt-4o-mini", "openai", "chat", "GPT-4o mini", null, 128_000, 16_384, null,
        0.00015, 0.0006, true, false, List.of("chat", "json_mode")).toJson();
    assertThat(json.getString("modelName")).isEqualTo("gpt-4o-mini");
    assertThat(json.getDouble("costPer1kInputTokens")).isEqualTo(0.00015);
    assertThat(json.getJsonArray("capabilities")).isEqualTo(new JsonArray().add("chat").add("json_mode"));
    assertThat(json.getValue("embeddingDimensions")).isNull();
    assertThat(json.getBoolean("isActive")).isTrue();
  }

  @Test
  void aModelsDayIsWrittenWithItsDateAlone() {
    JsonObject json = new ModelDay(ID, "all-minilm-l6-v2-q", "local", LocalDate.of(2026, 12, 1), "embedding", 4, 4,
        0, 0, 100.0, 7.25, null, 800, 0, 800, 0.0).toJson();
    assertThat(json.getString("periodDate")).isEqualTo("2026-12-01");
    assertThat(json.getString("modelId")).isEqualTo(ID.toString());
    assertThat(json.getLong("requestCount")).isEqualTo(4);
    assertThat(json.getValue("p95LatencyMs")).isNull();
  }
}
