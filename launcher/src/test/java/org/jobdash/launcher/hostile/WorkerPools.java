package org.jobdash.launcher.hostile;

import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' named worker pools (inference, file parsing, password hashing …) as their Prometheus metrics show
 * them. The campaign waits for them to be idle before each operation and each upload, so that work one attack
 * left behind (a bomb still being parsed after its client gave up) is not counted against the next.
 */
final class WorkerPools {

  private static final Pattern LINE = Pattern.compile(
      "^vertx_pool_(?:in_use|queue_pending)\\{([^}]*)}\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("pool_name=\"([^\"]*)\"");

  private final TestClient metrics;

  /** @param metrics a client of any service's port: the services share one JVM, one Vert.x and its metrics */
  WorkerPools(TestClient metrics) {
    this.metrics = metrics;
  }

  /** Tasks running or queued, by pool (Vert.x's own internal pool left out). */
  Map<String, Integer> busy() {
    TestClient.Response r = metrics.get("/metrics", null);
    Map<String, Integer> out = new TreeMap<>();
    Matcher m = LINE.matcher(r.text());
    while (m.find()) {
      if (!m.group(1).contains("pool_type=\"worker\"")) {
        continue;
      }
      Matcher name = NAME.matcher(m.group(1));
      if (name.find() && !name.group(1).equals("vert.x-internal-blocking")) {
        out.merge(name.group(1), (int) Double.parseDouble(m.group(2)), Integer::sum);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no worker pool in the metrics of port " + metrics.port());
    }
    return out;
  }

  /** Waits until no pool has work, at most {@code limit}; returns null, or which pools were still busy. */
  String settle(Duration limit) {
    long until = System.nanoTime() + limit.toNanos();
    Map<String, Integer> busy = busy();
    while (busy.values().stream().anyMatch(n -> n > 0)) {
      if (System.nanoTime() > until) {
        busy.values().removeIf(n -> n == 0);
        return "still busy after " + limit.toSeconds() + " s: " + busy;
      }
      Waits.pause(Duration.ofMillis(200));
      busy = busy();
    }
    return null;
  }
}
