package org.jobdash.common.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A service's readiness from its dependencies, for {@link ServiceRouter#create}: each check names one (the
 * database answers, the model is loaded …) and reports what it found; one that fails makes the service not ready,
 * naming the check.
 */
public final class Readiness implements Supplier<Future<JsonObject>> {

  private final Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();

  private Readiness() {}

  public static Readiness of() {
    return new Readiness();
  }

  /** The database answers a trivial statement. */
  public Readiness database(SqlClient client) {
    return check("database", () -> client.query("SELECT 1").execute().map("UP"));
  }

  /** A dependency that is ready when {@code probe} succeeds; its value is what the check reports. */
  public Readiness check(String name, Supplier<Future<?>> probe) {
    checks.put(name, probe);
    return this;
  }

  /** A figure reported beside the checks, e.g. how much work waits; it never makes the service not ready. */
  public Readiness report(String name, Supplier<?> value) {
    return check(name, () -> Future.succeededFuture(value.get()));
  }

  @Override
  public Future<JsonObject> get() {
    List<String> names = new ArrayList<>(checks.keySet());
    List<Future<?>> probes = new ArrayList<>();
    for (String name : names) {
      Future<?> probe;
      try {
        probe = checks.get(name).get();
      } catch (RuntimeException e) {
        probe = Future.failedFuture(e);
      }
      probes.add(probe.recover(e -> Future.failedFuture(new IllegalStateException(name + ": " + e.getMessage()))));
    }
    return Future.all(probes).map(done -> {
      JsonObject found = new JsonObject();
      for (int i = 0; i < names.size(); i++) {
        found.put(names.get(i), probes.get(i).result());
      }
      return found;
    });
  }
}
