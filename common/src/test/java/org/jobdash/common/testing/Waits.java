package org.jobdash.common.testing;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Blocking helpers for tests (JUnit thread only): database state, and waiting for asynchronous outcomes. */
public final class Waits {

  private Waits() {}

  public static RowSet<Row> sql(SqlClient db, String sql, Object... params) {
    return db.preparedQuery(sql).execute(Tuple.from(params)).await();
  }

  public static long count(SqlClient db, String sql, Object... params) {
    return sql(db, sql, params).iterator().next().getLong(0);
  }

  /** Probes until {@code done} holds or {@code within} passes; fails with the last value seen. */
  public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    T last = probe.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      pause(Duration.ofMillis(100));
      last = probe.get();
    }
    if (!done.test(last)) {
      throw new AssertionError("waited " + within + "; last seen: " + last);
    }
    return last;
  }

  public static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
