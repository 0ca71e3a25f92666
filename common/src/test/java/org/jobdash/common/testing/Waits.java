package org.jobdash.common.testing;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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

  /**
   * Takes the first element of {@code queue} that {@code wanted} accepts within 10 seconds; the others it passes
   * over go back into the queue. Fails naming {@code what} when none comes.
   */
  public static <T> T take(BlockingQueue<T> queue, Predicate<T> wanted, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<T> others = new ArrayList<>();
    try {
      while (System.nanoTime() < deadline) {
        T item = queue.poll(100, TimeUnit.MILLISECONDS);
        if (item != null && wanted.test(item)) {
          queue.addAll(others);
          return item;
        }
        if (item != null) {
          others.add(item);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.addAll(others);
    throw new AssertionError("nothing came: " + what);
  }

  public static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
