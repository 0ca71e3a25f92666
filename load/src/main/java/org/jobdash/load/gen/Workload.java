package org.jobdash.load.gen;

import io.vertx.core.Vertx;

/** One side of a scenario: the service over HTTP, or its floor. */
public interface Workload {

  /** What one request is, and over what, e.g. {@code POST /api/v1/auth/refresh, 64 keep-alive connections}. */
  String description();

  /** Connections (or threads) the side may use at once; the capacity probe keeps this many requests in flight. */
  int concurrency();

  /** Builds lane {@code index} of {@code lanes}; called on that lane's own context. */
  Lane lane(Vertx vertx, int index, int lanes);

  /** Whose CPU does the served work, so that it is reported beside the generator's. */
  Served served();

  /** Runs on the harness's main thread before every phase (e.g. empties a table the side fills). */
  default void beforePhase() {
  }
}
