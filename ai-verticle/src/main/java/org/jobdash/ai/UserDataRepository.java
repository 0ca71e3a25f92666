package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Removes everything this service keeps about one user (the daily per-model counters hold no user data). */
final class UserDataRepository {

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
      Future<Long> removed = Future.succeededFuture(0L);
      for (String sql : PURGE) {
        removed = removed.compose(sum -> conn.preparedQuery(sql).execute(Tuple.of(userId))
            .map(rows -> sum + rows.rowCount()));
      }
      return removed;
    });
  }
}
