package org.jobdash.user.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.vertx.core.Future;

import java.time.Duration;

/**
 * The buckets of one process, in a bounded cache: Bucket4j's local buckets take a token lock-free, so this runs on
 * the event loop. A bucket unused for {@code idle} is full again anyway and is dropped.
 */
public final class LocalBuckets implements Buckets {

  private final Cache<String, Bucket> buckets;

  public LocalBuckets(Duration idle, long maxBuckets) {
    this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maxBuckets).build();
  }

  @Override
  public Future<Long> take(String key, Limit limit) {
    Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(limit.bandwidth()).build());
    return Future.succeededFuture(Limit.waitSeconds(bucket.tryConsumeAndReturnRemaining(1)));
  }
}
