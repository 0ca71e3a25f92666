package org.jobdash.common.work;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

import java.util.UUID;

/**
 * Elects one verticle instance of a service (of N sharing a port) to own the work that must run once per
 * process: periodic sweeps and consumers of published events. Every service elects the same way: {@link #elect}
 * in {@code start}, work only when {@link #won}, {@link #release} in {@code stop}.
 */
public final class Singleton {

  private static final String MAP = "jobdash.singletons";

  private final Vertx vertx;
  private final String key;
  /** Instances of one deployment share its deployment id, so each claim carries an id of its own. */
  private final String instanceId = UUID.randomUUID().toString();
  private final boolean won;

  private Singleton(Vertx vertx, String key) {
    this.vertx = vertx;
    this.key = key;
    String owner = owners().putIfAbsent(key, instanceId);
    this.won = owner == null;
  }

  /** Claims {@code key} for the calling instance; the first instance to claim it wins until it releases it. */
  public static Singleton elect(Vertx vertx, String key) {
    return new Singleton(vertx, key);
  }

  public boolean won() {
    return won;
  }

  /** Gives the claim up, so that an instance deployed later can win it; does nothing for an instance that lost. */
  public void release() {
    if (won) {
      owners().removeIfPresent(key, instanceId);
    }
  }

  private LocalMap<String, String> owners() {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
