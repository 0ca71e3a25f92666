package org.jobdash.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.jobdash.user.limit.Buckets;
import org.jobdash.user.limit.Limit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The rate limits' buckets in the cluster's Hazelcast map, so that a limit holds across every user-service process:
 * each take is one asynchronous entry processor on the key's owner (never a lock, never a blocked event loop), and
 * an entry expires once its bucket would be full again.
 */
final class ClusterBuckets implements Buckets {

  static final String MAP = "jobdash-rate-limits";
  /** The first of the type ids Bucket4j's Hazelcast serializers take; clear of Vert.x's own. */
  private static final int SERIALIZER_TYPE_BASE = 10_000;

  private final Vertx vertx;
  private final AsyncProxyManager<String> buckets;

  private ClusterBuckets(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.buckets = Bucket4jHazelcast.<String>entryProcessorBasedBuilder(hazelcast.getMap(MAP))
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
        .build()
        .asAsync();
  }

  /** Registers the serializers of Bucket4j's entry processors; every member, whatever it runs, needs them. */
  static void prepare(Config hazelcast) {
    HazelcastProxyManager.addCustomSerializers(hazelcast.getSerializationConfig(), SERIALIZER_TYPE_BASE);
  }

  /** The cluster's buckets when {@code vertx} is clustered with Hazelcast, else null (the service keeps its own). */
  static Buckets of(Vertx vertx) {
    if (vertx instanceof VertxInternal internal
        && internal.clusterManager() instanceof HazelcastClusterManager manager) {
      return new ClusterBuckets(vertx, manager.getHazelcastInstance());
    }
    return null;
  }

  @Override
  public Future<Long> take(String key, Limit limit) {
    CompletableFuture<io.github.bucket4j.ConsumptionProbe> probe = buckets.builder()
        .build(key, () -> CompletableFuture.completedFuture(limit.configuration()))
        .tryConsumeAndReturnRemaining(1);
    return Future.fromCompletionStage(probe, vertx.getOrCreateContext()).map(Limit::waitSeconds);
  }
}
