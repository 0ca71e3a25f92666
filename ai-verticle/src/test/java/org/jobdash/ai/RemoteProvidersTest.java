package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Remote providers against a local server speaking their wire format. Each test deploys the service anew (a new
 * Vert.x instance, so a new circuit breaker) on the class's database.
 */
@ExtendWith(BlockedThreadGuard.class)
class RemoteProvidersTest {

  static final String CHAT = "/v1/chat/completions";
  static final String EMBEDDINGS = "/v1/embeddings";

  static DatabaseUrl database;
  FakeModelServer fake;
  AiHarness h;

  @BeforeAll
  static void migrate() {
    database = PostgresFixture.migratedDatabase("ai");
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @AfterAll
  static void done() {
    database = null;
  }

  private AiHarness start(String optimizer) {
    fake = new FakeModelServer();
    JsonObject remote = new JsonObject().put("baseUrl", fake.baseUrl()).put("apiKey", "test-key").put("timeoutMs", 500);
    h = AiHarness.start(database, new JsonObject().put("optimizer", optimizer).put("embeddingProvider", "openai")
        .put("providers", new JsonObject()
            .put("openai", remote.copy().put("chatModel", "gpt-4o-mini").put("embeddingModel", "text-embedding-3-small"))
            .put("anthropic", remote.copy().put("model", "claude-3-5-haiku-latest"))
            .put("maxRetries", 2).put("initialBackoffMs", 20).put("maxBackoffMs", 1500)
            .put("breakerMaxFailures", 3).put("breakerResetMs", 600_000)), 2);
    return h;
  }

  private JsonObject optimize(AiHarness.Caller me) {
    TestClient.Response r = h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText", OptimizationTest.COOK)
        .put("jobDescription", OptimizationTest.KITCHEN_JOB), me.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private Row session(AiHarness.Caller me) {
    return h.sql("SELECT model_name, provider, fallback_used, input_tokens, output_tokens, cost_estimate, error_message "
        + "FROM ai_processing_sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1", me.id()).iterator().next();
  }

  private long successes(String model) {
    return h.count("SELECT coalesce(sum(h.success_count), 0) FROM model_performance_history h JOIN ai_models m "
        + "ON m.id = h.model_id WHERE m.model_name = $1", model);
  }

  private long failures(String model) {
    return h.count("SELECT coalesce(sum(h.failure_count), 0) FROM model_performance_history h JOIN ai_models m "
        + "ON m.id = h.model_id WHERE m.model_name = $1", model);
  }

  private void assertFellBack(AiHarness.Caller me, JsonObject result) {
    assertThat(result.getString("optimizedContent")).doesNotContain(FakeModelServer.OPENAI_TEXT)
        .contains("Managed the grill station");
    assertThat(result.getBoolean("fallbackUsed")).isTrue();
    assertThat(result.getString("model")).isEqualTo("local-template-optimizer");
    Row s = session(me);
    assertThat(s.getBoolean("fallback_used")).isTrue();
    assertThat(s.getString("model_name")).isEqualTo("local-template-optimizer");
    assertThat(s.getString("error_message")).startsWith("openai failed");
  }

  @Test
  void openAiChatRewritesTheOptimisationWithTokensAndCostRecorded() {
    start("openai");
    AiHarness.Caller me = h.caller();
    long successesBefore = successes("gpt-4o-mini");
    JsonObject result = optimize(me);

    assertThat(result.getString("optimizedContent")).startsWith(FakeModelServer.OPENAI_TEXT);
    assertThat(result.getString("model")).isEqualTo("gpt-4o-mini");
    assertThat(result.getBoolean("fallbackUsed")).isFalse();
    assertThat(fake.header("Authorization")).isEqualTo("Bearer test-key");
    Row s = session(me);
    assertThat(s.getString("provider")).isEqualTo("openai");
    assertThat(s.getInteger("input_tokens")).isEqualTo(120);
    assertThat(s.getInteger("output_tokens")).isEqualTo(40);
    assertThat(s.getBigDecimal("cost_estimate")).isEqualByComparingTo(new BigDecimal("0.000042"));
    assertThat(successes("gpt-4o-mini")).isEqualTo(successesBefore + 1);
  }

  @Test
  void a429IsRetriedAfterItsRetryAfterAndThenSucceeds() {
    start("openai");
    fake.script(CHAT, "429");
    JsonObject result = optimize(h.caller());

    assertThat(fake.hits(CHAT)).isEqualTo(2);
    assertThat(result.getString("optimizedContent")).startsWith(FakeModelServer.OPENAI_TEXT);
    assertThat(result.getBoolean("fallbackUsed")).isFalse();
  }

  @Test
  void repeated500sAreRetriedThenFallBackToTheLocalOptimizer() {
    start("openai");
    fake.script(CHAT, "500", "500", "500");
    AiHarness.Caller me = h.caller();
    long failuresBefore = failures("gpt-4o-mini");
    JsonObject result = optimize(me);

    assertThat(fake.hits(CHAT)).isEqualTo(3);
    assertFellBack(me, result);
    assertThat(session(me).getString("error_message")).contains("500");
    assertThat(failures("gpt-4o-mini")).isEqualTo(failuresBefore + 1);
  }

  @Test
  void aTimeoutAndAMalformedBodyFallBackWithoutRetrying() {
    start("openai");
    fake.script(CHAT, "timeout");
    AiHarness.Caller me = h.caller();
    assertFellBack(me, optimize(me));
    assertThat(fake.hits(CHAT)).isEqualTo(1);

    fake.script(CHAT, "malformed");
    AiHarness.Caller other = h.caller();
    assertFellBack(other, optimize(other));
    assertThat(fake.hits(CHAT)).isEqualTo(2);
    assertThat(session(other).getString("error_message")).contains("not a JSON object");
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndThenNoCallReachesTheServer() {
    start("openai");
    fake.script(CHAT, "500", "500", "500", "500", "500", "500", "500", "500", "500");
    for (int i = 0; i < 3; i++) {
      AiHarness.Caller me = h.caller();
      assertFellBack(me, optimize(me));
    }
    assertThat(fake.hits(CHAT)).isEqualTo(9);

    AiHarness.Caller late = h.caller();
    assertFellBack(late, optimize(late));
    assertThat(fake.hits(CHAT)).isEqualTo(9);
    assertThat(session(late).getString("error_message")).contains("circuit");
  }

  @Test
  void anthropicMessagesRewriteAndOpenAiEmbeddingsFallBackToTheLocalModel() {
    start("anthropic");
    AiHarness.Caller me = h.caller();
    JsonObject result = optimize(me);
    assertThat(result.getString("optimizedContent")).startsWith(FakeModelServer.CLAUDE_TEXT);
    assertThat(result.getString("model")).isEqualTo("claude-3-5-haiku-latest");
    assertThat(fake.header("x-api-key")).isEqualTo("test-key");
    assertThat(fake.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(session(me).getInteger("output_tokens")).isEqualTo(30);

    TestClient.Response remote = h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray()
        .add("Sous chef").add("Line cook")), me.token());
    assertThat(remote.status()).as(remote.toString()).isEqualTo(201);
    assertThat(remote.json().getString("model")).isEqualTo("text-embedding-3-small");
    JsonArray vector = remote.json().getJsonArray("items").getJsonObject(0).getJsonArray("vector");
    assertThat(vector).hasSize(384);
    assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));

    fake.script(EMBEDDINGS, "500", "500", "500");
    TestClient.Response local = h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray()
        .add("Sous chef")), me.token());
    assertThat(local.status()).as(local.toString()).isEqualTo(201);
    assertThat(local.json().getString("model")).isEqualTo("all-minilm-l6-v2-q");
    Row s = session(me);
    assertThat(s.getBoolean("fallback_used")).isTrue();
    assertThat(s.getString("model_name")).isEqualTo("all-minilm-l6-v2-q");
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1 AND model_name = 'text-embedding-3-small'",
        me.id())).isEqualTo(2);
  }

  private static double norm(JsonArray v) {
    double sum = 0;
    for (Object x : v) {
      sum += ((Number) x).doubleValue() * ((Number) x).doubleValue();
    }
    return Math.sqrt(sum);
  }
}
