package org.jobdash.common.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTest {

  @Test
  void everyPassingCheckReportsWhatItFoundInOrder() {
    AtomicInteger pending = new AtomicInteger(3);
    Future<JsonObject> ready = Readiness.of()
        .check("model", () -> Future.succeededFuture("all-minilm-l6-v2-q"))
        .report("inferencePending", pending::get)
        .get();
    assertThat(ready.succeeded()).isTrue();
    assertThat(ready.result()).isEqualTo(new JsonObject().put("model", "all-minilm-l6-v2-q")
        .put("inferencePending", 3));
    assertThat(ready.result().fieldNames()).containsExactly("model", "inferencePending");
  }

  @Test
  void oneFailingCheckMakesTheServiceNotReadyAndIsNamed() {
    Future<JsonObject> ready = Readiness.of()
        .check("storage", () -> Future.succeededFuture("local"))
        .check("model", () -> Future.failedFuture(new IllegalStateException("still loading")))
        .get();
    assertThat(ready.failed()).isTrue();
    assertThat(ready.cause()).hasMessage("model: still loading");
  }

  @Test
  void aCheckThatThrowsCountsAsFailed() {
    Future<JsonObject> ready = Readiness.of().report("vectors", () -> {
      throw new IllegalStateException("unknown");
    }).get();
    assertThat(ready.cause()).hasMessage("vectors: unknown");
  }
}
