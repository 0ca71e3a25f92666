package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.user.limit.Buckets;
import org.jobdash.user.limit.Limit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Hazelcast members in this JVM: a rate limit taken through either holds for both. */
@ExtendWith(BlockedThreadGuard.class)
class ClusterBucketsTest {

  static Vertx first;
  static Vertx second;

  @BeforeAll
  static void join() {
    int base = 40_000 + ThreadLocalRandom.current().nextInt(10_000);
    JsonObject cluster = new JsonObject().put("name", "buckets-" + base).put("interface", "127.0.0.1")
        .put("port", base).put("members", new JsonArray().add("127.0.0.1:" + base).add("127.0.0.1:" + (base + 1)))
        .put("eventBusHost", "127.0.0.1").put("eventBusPort", 0).putNull("eventBusPublicHost");
    first = Clustering.clustered(Vertx.builder(), new VertxOptions(), cluster, null).buildClustered().await();
    second = Clustering.clustered(Vertx.builder(), new VertxOptions(), cluster, null).buildClustered().await();
  }

  @AfterAll
  static void leave() {
    second.close().await();
    first.close().await();
  }

  @Test
  void aLimitHoldsAcrossMembersAndSaysHowLongToWait() {
    Buckets a = ClusterBuckets.of(first);
    Buckets b = ClusterBuckets.of(second);
    assertThat(a).isNotNull();
    assertThat(ClusterBuckets.of(Vertx.vertx())).as("not clustered: the service keeps its own").isNull();
    Limit limit = new Limit(4, Duration.ofMinutes(10));
    String key = "test:a:" + UUID.randomUUID();
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Buckets through = i % 2 == 0 ? a : b;
      waits.add(through.take(key, limit).await());
    }
    assertThat(waits.subList(0, 4)).containsOnly(0L);
    // one token of four comes back every 150 s
    assertThat(waits.get(4)).isBetween(100L, 150L);
  }
}
