package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


import static org.assertj.core.api.Assertions.assertThat;

/** A full inference queue answers 503 with Retry-After instead of queueing; the service recovers when it drains. */
@ExtendWith(BlockedThreadGuard.class)
class OverloadTest {

  static AiHarness h;

  @BeforeAll
  static void start() {
    h = AiHarness.start(new JsonObject().put("inference", new JsonObject().put("threads", 1).put("queueSize", 0)
        .put("batchDelayMs", 0)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void aFullInferenceQueueIs503WithRetryAfterAndStoresNothing() throws Exception {
    AiHarness.Caller me = h.caller();
    AiHarness.Held held = h.holdInferenceThread();
    try {
      TestClient.Response full = h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts",
          new JsonArray().add("Forklift operator")), me.token());
      EmbeddingsTest.assertProblem(full, 503);
      assertThat(full.header("Retry-After")).isNotBlank();
      EmbeddingsTest.assertProblem(h.http.post("/api/v1/ai/skills", new JsonObject().put("text",
          "Certified forklift operator with OSHA 10"), me.token()), 503);
      assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isZero();
    } finally {
      assertThat(held.release()).isTrue();
    }

    TestClient.Response after = h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts",
        new JsonArray().add("Forklift operator")), me.token());
    assertThat(after.status()).as(after.toString()).isEqualTo(201);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isEqualTo(1);
  }
}
