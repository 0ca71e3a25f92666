package org.jobdash.load.scenario;

import org.jobdash.load.gen.Workload;

/** One scenario: the service over HTTP and its floor, measured in the same run on the same database. */
public interface Scenario {

  int number();

  String title();

  /** What one unit of throughput is, e.g. {@code rows}: the rate per second is reported in it. */
  String unit();

  /** Units per request (1000 rows per batch, 16 texts per embedding request, otherwise 1). */
  default int perRequest() {
    return 1;
  }

  Goal goal();

  /**
   * Runs the floor's hot code once in this JVM before any load, while nothing else runs: the JIT compiles it as it
   * would in a fresh process. Compiled later, among the generator's code, Argon2 was seen running at half speed
   * (its inner methods left out of line).
   */
  default void warmUp(Rig rig) throws Exception {
  }

  /** Prepares (seeds, logs in) and returns the service side. */
  Workload service(Rig rig) throws Exception;

  /** Prepares and returns the floor side. */
  Workload floor(Rig rig) throws Exception;

  /**
   * A rate the scenario fixes (a canary's), measured in one step instead of searched for; 0 for a search. Such a
   * scenario measures its floor first, then its service side beside its {@link #background}.
   */
  default double fixedRate() {
    return 0;
  }

  /** Load sent beside the service side's measurement only (made after {@link #service}); none by default. */
  default Background background(Rig rig) throws Exception {
    return Background.NONE;
  }

  /** Whether the floor runs in the bare read server (else in this JVM or the database). */
  default boolean floorInReadServer() {
    return false;
  }

  /** Releases what the sides held (connections, the model). */
  default void close() throws Exception {
  }
}
