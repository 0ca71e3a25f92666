package org.jobdash.common.work;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * Elects one verticle instance of a service (of N sharing a port) to own the work that must run once per
 * process: periodic sweeps and consumers of published events.
 */
public final class Singleton {

  private static final String MAP = "jobdash.singletons";

  private Singleton() {}

  /**
   * True for the first verticle instance that claims {@code key}; it keeps the claim until it {@link #release}s
   * it. {@code instanceId} must be unique per instance: the instances of one deployment share its deployment id.
   */
  public static boolean claim(Vertx vertx, String key, String instanceId) {
    LocalMap<String, String> owners = vertx.sharedData().getLocalMap(MAP);
    String owner = owners.putIfAbsent(key, instanceId);
    return owner == null || owner.equals(instanceId);
  }

  public static void release(Vertx vertx, String key, String instanceId) {
    vertx.sharedData().<String, String>getLocalMap(MAP).removeIfPresent(key, instanceId);
  }
}
