package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Removes everything this service keeps about one user (the daily per-model counters hold no user data). */
final class UserDataRepository {

  /**
   * Taken first: a claimed analysis still at work holds its session's row from the start of the transaction that
   * stores its result, so the purge waits for that result and then removes it with the rest; or, holding the rows
   * first, it makes that analysis store nothing (see {@code SessionRecorder.finish}).
   */
  private static final String LOCK_SESSIONS = "SELECT 1 FROM ai_processing_sessions WHERE user_id = $1 FOR UPDATE";

  private static final String[] PURGE = {
      "DELETE FROM optimization_history WHERE user_id = $1",
      "DELETE FROM resume_optimizations WHERE user_id = $1",
      "DELETE FROM job_match_analyses WHERE user_id = $1",
      "DELETE FROM skill_analyses WHERE user_id = $1",
      "DELETE FROM content_analyses WHERE user_id = $1",
      "DELETE FROM embeddings WHERE user_id = $1",
      "DELETE FROM user_optimization_preferences WHERE user_id = $1",
      "DELETE FROM ai_processing_sessions WHERE user_id = $1"};

  private final Pool pool;

  UserDataRepository(Pool pool) {
    this.pool = pool;
  }

  /** Deletes the user's rows in one transaction; returns how many were removed (0 on a repeated call). */
  Future<Long> purge(UUID userId) {
    return pool.withTransaction(conn -> {
      Future<Long> removed = conn.preparedQuery(LOCK_SESSIONS).execute(Tuple.of(userId)).map(0L);
      for (String sql : PURGE) {
        removed = removed.compose(sum -> conn.preparedQuery(sql).execute(Tuple.of(userId))
            .map(rows -> sum + rows.rowCount()));
      }
      return removed;
    });
  }
}
