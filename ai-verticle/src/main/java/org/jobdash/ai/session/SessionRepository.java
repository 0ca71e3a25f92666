package org.jobdash.ai.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.db.Page;
import org.jobdash.common.db.Rows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of {@code ai_processing_sessions}: the row every operation writes (on the caller's transaction), the claim of
 * an event-bus request id, and the reads of a caller's sessions and their statistics.
 */
public final class SessionRepository {

  private static final String INSERT = """
      INSERT INTO ai_processing_sessions (id, user_id, operation, model_id, model_name, provider, status, fallback_used,
                                          input_tokens, output_tokens, latency_ms, cost_estimate, error_message,
                                          request_id, resume_id, metadata, started_at, completed_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())""";

  private static final String CLAIM = """
      INSERT INTO ai_processing_sessions (id, user_id, operation, status, request_id, resume_id, started_at)
      VALUES ($1, $2, $3, 'processing', $4, $5, now())
      ON CONFLICT (request_id) DO NOTHING
      RETURNING id""";

  /** A failed attempt, or one that has been processing so long that its process must have died. */
  private static final String RECLAIM = """
      UPDATE ai_processing_sessions SET status = 'processing', error_message = NULL, started_at = now()
       WHERE request_id = $1
         AND (status = 'failed' OR (status = 'processing' AND started_at < now() - interval '10 minutes'))
      RETURNING id""";

  private static final String BY_REQUEST = """
      SELECT id, status, metadata FROM ai_processing_sessions WHERE request_id = $1""";

  private static final String FINISH = """
      UPDATE ai_processing_sessions
         SET model_id = $2, model_name = $3, provider = $4, status = $5, fallback_used = $6, input_tokens = $7,
             output_tokens = $8, latency_ms = $9, cost_estimate = $10, error_message = $11, metadata = $12,
             completed_at = now()
       WHERE id = $1""";

  private static final String PAGE = """
      SELECT id, operation, model_name, provider, status, fallback_used, input_tokens, output_tokens, total_tokens,
             latency_ms, cost_estimate, error_message, request_id, resume_id, created_at, completed_at
        FROM ai_processing_sessions
       WHERE user_id = $1
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
         AND ($4::text IS NULL OR operation = $4)
       ORDER BY created_at DESC, id DESC
       LIMIT $5""";

  private static final String STATS = "SELECT * FROM get_processing_session_stats($1)";

  /**
   * What a finished operation writes into its session row.
   *
   * @param modelId null when the model is not in the registry (the row then carries only its name)
   * @param error   the failure, or what failed before a fallback answered; null otherwise
   */
  public record Finished(UUID modelId, String modelName, String provider, boolean failed, boolean fallbackUsed,
                         int inputTokens, int outputTokens, int latencyMs, BigDecimal cost, String error,
                         JsonObject metadata) {
    String status() {
      return failed ? "failed" : "completed";
    }
  }

  /** A request id already seen: its session and what it stored. */
  public record Existing(UUID sessionId, String status, JsonObject metadata) {}

  private final Pool pool;

  public SessionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the session of an operation that has finished, on the caller's connection. */
  public Future<Void> insert(SqlClient conn, UUID id, UUID userId, String operation, UUID requestId, UUID resumeId,
                             OffsetDateTime startedAt, Finished f) {
    return conn.preparedQuery(INSERT).execute(Tuple.from(new Object[] {id, userId, operation, f.modelId(),
            f.modelName(), f.provider(), f.status(), f.fallbackUsed(), f.inputTokens(), f.outputTokens(),
            f.latencyMs(), f.cost(), f.error(), requestId, resumeId, f.metadata(), startedAt}))
        .mapEmpty();
  }

  /**
   * Claims {@code requestId}: a new session row in {@code processing}, or an earlier attempt taken up again when it
   * failed or has been processing for over ten minutes. Empty when another delivery holds it now or finished it.
   */
  public Future<Optional<UUID>> claim(SqlClient client, UUID requestId, UUID userId, String operation,
                                      UUID resumeId) {
    return client.preparedQuery(CLAIM).execute(Tuple.of(UUID.randomUUID(), userId, operation, requestId, resumeId))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(Optional.of(rows.iterator().next().getUUID("id")))
            : client.preparedQuery(RECLAIM).execute(Tuple.of(requestId))
                .map(again -> again.size() > 0 ? Optional.of(again.iterator().next().getUUID("id"))
                    : Optional.<UUID>empty()));
  }

  public Future<Optional<Existing>> byRequest(SqlClient client, UUID requestId) {
    return client.preparedQuery(BY_REQUEST).execute(Tuple.of(requestId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Existing(r.getUUID("id"), r.getString("status"),
          r.getValue("metadata") instanceof JsonObject m ? m : new JsonObject()));
    });
  }

  /**
   * Completes a claimed session, on the caller's connection (which holds the row until its transaction ends);
   * false when the row is gone.
   */
  public Future<Boolean> finish(SqlClient conn, UUID sessionId, Finished f) {
    return conn.preparedQuery(FINISH).execute(Tuple.from(new Object[] {sessionId, f.modelId(), f.modelName(),
            f.provider(), f.status(), f.fallbackUsed(), f.inputTokens(), f.outputTokens(), f.latencyMs(), f.cost(),
            f.error(), f.metadata()}))
        .map(rows -> rows.rowCount() > 0);
  }

  /** A page of the caller's sessions, newest first (of one operation when given). */
  public Future<Page<SessionRow>> page(UUID userId, KeysetCursor after, String operation, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.from(new Object[] {userId, after == null ? null : after.createdAt(),
            after == null ? null : after.id(), operation, limit + 1}))
        .map(rows -> {
          List<SessionRow> read = new ArrayList<>(rows.size());
          rows.forEach(r -> read.add(session(r)));
          return Page.of(read, limit, SessionRow::position);
        });
  }

  /** The caller's sessions counted per operation. */
  public Future<List<OperationStats>> stats(UUID userId) {
    return pool.preparedQuery(STATS).execute(Tuple.of(userId)).map(rows -> {
      List<OperationStats> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(new OperationStats(r.getString("operation"), r.getLong("total_sessions"),
          r.getLong("completed_sessions"), r.getLong("failed_sessions"), r.getLong("in_progress_sessions"),
          Rows.number(r, "success_rate"), r.getDouble("avg_latency_ms"), r.getDouble("p95_latency_ms"),
          r.getLong("total_input_tokens"), r.getLong("total_output_tokens"), r.getLong("total_tokens"),
          Rows.number(r, "total_cost"), r.getLong("fallback_count"), r.getLong("distinct_users"),
          r.getOffsetDateTime("first_session_at"), r.getOffsetDateTime("last_session_at"))));
      return out;
    });
  }

  private static SessionRow session(Row r) {
    return new SessionRow(r.getUUID("id"), r.getString("operation"), r.getString("model_name"),
        r.getString("provider"), r.getString("status"), r.getBoolean("fallback_used"), r.getInteger("input_tokens"),
        r.getInteger("output_tokens"), r.getInteger("total_tokens"), r.getInteger("latency_ms"),
        Rows.number(r, "cost_estimate"), r.getString("error_message"), r.getUUID("request_id"),
        r.getUUID("resume_id"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("completed_at"));
  }
}
