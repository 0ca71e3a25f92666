package org.jobdash.user.limit;

import io.vertx.core.Future;

/**
 * Where the rate limits' token buckets live: in this process ({@link LocalBuckets}), or in a store the processes of
 * a cluster share so that a limit holds across them. Taking never blocks the calling event loop.
 */
public interface Buckets {

  /** Takes one token from the bucket {@code key} (created with {@code limit}): 0, or the seconds to wait. */
  Future<Long> take(String key, Limit limit);
}
