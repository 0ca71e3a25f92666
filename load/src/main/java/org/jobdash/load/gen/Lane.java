package org.jobdash.load.gen;

import io.vertx.core.Future;

/**
 * One share of a side's load, bound to one event-loop context: {@link #open()}, every {@link #send()} and
 * {@link #close()} run on that context.
 */
public interface Lane {

  /** What a successful call answers. */
  String OK = "ok";

  /** Connects, or whatever must happen before the first send. */
  default Future<Void> open() {
    return Future.succeededFuture();
  }

  /** Sends one request; completes with {@link #OK} or a short label of what went wrong (e.g. {@code HTTP 503}). */
  Future<String> send();

  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
