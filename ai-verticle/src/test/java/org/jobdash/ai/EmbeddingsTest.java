package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ExtendWith(BlockedThreadGuard.class)
class EmbeddingsTest {

  static AiHarness h;

  @BeforeAll
  static void start() {
    h = AiHarness.start(new JsonObject().put("limits", new JsonObject().put("maxTextChars", 20_000)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static void assertProblem(TestClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getInteger("status")).isEqualTo(status);
  }

  static JsonArray randomVector(Random random) {
    JsonArray v = new JsonArray();
    for (int i = 0; i < 384; i++) {
      v.add(random.nextGaussian());
    }
    return v;
  }

  @Test
  void textsBecomeNormalised384DimensionVectorsStoredWithTheirSession() {
    AiHarness.Caller me = h.caller();
    TestClient.Response r = h.http.post("/api/v1/ai/embeddings", new JsonObject()
        .put("texts", new JsonArray().add("Registered nurse on a cardiac telemetry unit").add("Pastry chef, laminated doughs"))
        .put("sourceType", "text"), me.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("model")).isEqualTo("all-minilm-l6-v2-q");
    assertThat(r.json().getInteger("tokens")).isGreaterThan(10);
    JsonArray items = r.json().getJsonArray("items");
    assertThat(items).hasSize(2);
    for (Object item : items) {
      JsonArray vector = ((JsonObject) item).getJsonArray("vector");
      assertThat(vector).hasSize(384);
      double norm = 0;
      for (Object x : vector) {
        norm += ((Number) x).doubleValue() * ((Number) x).doubleValue();
      }
      assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
    }
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1 AND source_type = 'text' "
        + "AND model_name = 'all-minilm-l6-v2-q' AND content_hash IS NOT NULL", me.id())).isEqualTo(2);
    var session = h.sql("SELECT operation, status, input_tokens, model_id IS NOT NULL AS registered FROM "
        + "ai_processing_sessions WHERE user_id = $1", me.id()).iterator().next();
    assertThat(session.getString("operation")).isEqualTo("embedding");
    assertThat(session.getString("status")).isEqualTo("completed");
    assertThat(session.getInteger("input_tokens")).isEqualTo(r.json().getInteger("tokens"));
    assertThat(session.getBoolean("registered")).isTrue();
    assertThat(h.count("SELECT coalesce(sum(request_count), 0) FROM model_performance_history h JOIN ai_models m "
        + "ON m.id = h.model_id WHERE m.model_name = 'all-minilm-l6-v2-q' AND h.operation = 'embedding'"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSameTextGivesTheSameVector() {
    AiHarness.Caller me = h.caller();
    JsonObject body = new JsonObject().put("texts", new JsonArray().add("Journeyman electrician, NEC code"));
    JsonArray first = h.http.post("/api/v1/ai/embeddings", body, me.token()).json().getJsonArray("items")
        .getJsonObject(0).getJsonArray("vector");
    JsonArray second = h.http.post("/api/v1/ai/embeddings", body, me.token()).json().getJsonArray("items")
        .getJsonObject(0).getJsonArray("vector");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theBatchEndpointStoresAThousandVectorsInOneCall() {
    AiHarness.Caller me = h.caller();
    Random random = new Random(7);
    JsonArray items = new JsonArray();
    for (int i = 0; i < 1000; i++) {
      items.add(new JsonObject().put("sourceType", "custom").put("sourceId", UUID.randomUUID().toString())
          .put("vector", randomVector(random)).put("metadata", new JsonObject().put("n", i)));
    }
    TestClient.Response r = h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", items), me.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getInteger("stored")).isEqualTo(1000);
    assertThat(r.json().getJsonArray("ids")).hasSize(1000);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isEqualTo(1000);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1 AND id = $2 AND (metadata->>'n')::int = 17",
        me.id(), UUID.fromString(r.json().getJsonArray("ids").getString(17)))).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND operation = 'embedding'",
        me.id())).isEqualTo(1);
  }

  @Test
  void wrongDimensionsNaNInfiniteAndZeroVectorsAre400AndStoreNothing() {
    AiHarness.Caller me = h.caller();
    JsonArray shortVector = new JsonArray(new ArrayList<>(List.of(0.1, 0.2, 0.3)));
    JsonArray nan = randomVector(new Random(1)).set(5, "NaN");
    JsonArray zero = new JsonArray();
    for (int i = 0; i < 384; i++) {
      zero.add(0);
    }
    for (JsonArray bad : List.of(shortVector, nan, zero)) {
      TestClient.Response r = h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", new JsonArray()
          .add(new JsonObject().put("sourceType", "custom").put("vector", randomVector(new Random(2))))
          .add(new JsonObject().put("sourceType", "custom").put("vector", bad))), me.token());
      assertProblem(r, 400);
      assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("items[1].vector");
    }
    String infinite = "{\"items\":[{\"sourceType\":\"custom\",\"vector\":[1e400" + ",0.5".repeat(383) + "]}]}";
    assertProblem(h.http.post("/api/v1/ai/embeddings/batch", infinite, me.token()), 400);
    assertProblem(h.http.post("/api/v1/ai/embeddings/search", new JsonObject().put("vector", shortVector), me.token()),
        400);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isZero();
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1", me.id())).isZero();
  }

  @Test
  void malformedOrOversizedBatchBodiesAreRefusedWithFieldErrors() {
    AiHarness.Caller me = h.caller();
    String vector = randomVector(new Random(3)).encode();
    assertProblem(h.http.post("/api/v1/ai/embeddings/batch", "{\"items\": [{\"sourceType\": \"custom\", \"vector\": "
        + vector, me.token()), 400);
    assertProblem(h.http.post("/api/v1/ai/embeddings/batch", "[]", me.token()), 400);
    TestClient.Response missing = h.http.post("/api/v1/ai/embeddings/batch", "{\"items\": [{\"vector\": " + vector
        + "}, {\"sourceType\": \"planet\", \"sourceId\": \"x\", \"vector\": " + vector + "}, 7]}", me.token());
    assertProblem(missing, 400);
    assertThat(missing.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactly("items[0].sourceType", "items[1].sourceType", "items[1].sourceId", "items[2]");
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(new JsonObject().put("sourceType", "custom").put("vector", new JsonArray(List.of(1))));
    }
    TestClient.Response many = h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", tooMany),
        me.token());
    assertProblem(many, 400);
    assertThat(many.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("message")))
        .contains("must have at most 1000 items");
    assertProblem(h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", new JsonArray().add(
        new JsonObject().put("sourceType", "custom").put("contentText", "z".repeat(20_001))
            .put("vector", randomVector(new Random(4))))), me.token()), 413);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isZero();
  }

  @Test
  void searchReturnsTheCallersNearestEmbeddingsFirst() {
    AiHarness.Caller me = h.caller();
    AiHarness.Caller other = h.caller();
    for (String text : List.of("Sous chef running a busy brunch line", "Staff accountant closing the books monthly",
        "ICU nurse titrating drips and charting in Epic")) {
      assertThat(h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray().add(text)),
          me.token()).status()).isEqualTo(201);
    }
    h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray().add("Critical care nurse")),
        other.token());

    TestClient.Response r = h.http.post("/api/v1/ai/embeddings/search",
        new JsonObject().put("text", "intensive care nursing").put("k", 3), me.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonArray hits = r.json().getJsonArray("items");
    assertThat(hits).hasSize(3);
    assertThat(hits.getJsonObject(0).getString("contentText")).startsWith("ICU nurse");
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.getJsonObject(i).getDouble("similarity"))
          .isLessThanOrEqualTo(hits.getJsonObject(i - 1).getDouble("similarity"));
    }
    assertThat(hits.stream().map(o -> ((JsonObject) o).getString("contentText"))).doesNotContain("Critical care nurse");
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND operation = 'search'",
        me.id())).isEqualTo(1);
  }

  @Test
  void tooLongTextsAre413AndMissingTokensAre401() {
    AiHarness.Caller me = h.caller();
    assertProblem(h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray()
        .add("x".repeat(20_001))), me.token()), 413);
    assertProblem(h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text", "y".repeat(20_001)),
        me.token()), 413);
    assertProblem(h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray().add("hi")), null),
        401);
    assertProblem(h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray()), me.token()), 400);
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1", me.id())).isZero();
  }
}
