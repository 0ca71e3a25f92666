package org.jobdash.ai.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the {@code ai_processing_sessions} row of every operation and adds it to the day's
 * {@code model_performance_history} counters; callers pass the connection of their transaction, so a session is
 * stored together with the result it produced, or not at all.
 */
public final class SessionRecorder {

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

  private static final String PERFORMANCE = """
      INSERT INTO model_performance_history (model_id, period_date, operation, request_count, success_count,
                                             failure_count, fallback_count, total_latency_ms, avg_latency_ms,
                                             input_tokens, output_tokens, total_cost)
      VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (model_id, period_date, operation) DO UPDATE SET
        request_count    = model_performance_history.request_count + 1,
        success_count    = model_performance_history.success_count + EXCLUDED.success_count,
        failure_count    = model_performance_history.failure_count + EXCLUDED.failure_count,
        fallback_count   = model_performance_history.fallback_count + EXCLUDED.fallback_count,
        total_latency_ms = model_performance_history.total_latency_ms + EXCLUDED.total_latency_ms,
        avg_latency_ms   = round((model_performance_history.total_latency_ms + EXCLUDED.total_latency_ms)::numeric
                                 / (model_performance_history.request_count + 1), 2),
        input_tokens     = model_performance_history.input_tokens + EXCLUDED.input_tokens,
        output_tokens    = model_performance_history.output_tokens + EXCLUDED.output_tokens,
        total_cost       = model_performance_history.total_cost + EXCLUDED.total_cost""";

  /** One finished operation. {@code error} is set for a failed one. */
  public record Outcome(UUID userId, String operation, Usage usage, long latencyMs, String error, UUID requestId,
                        UUID resumeId, JsonObject metadata) {
    boolean failed() {
      return error != null;
    }
  }

  /** A request id already seen: its session and what it stored. */
  public record Existing(UUID sessionId, String status, JsonObject metadata) {}

  private final ModelCatalog models;

  public SessionRecorder(ModelCatalog models) {
    this.models = models;
  }

  /** Inserts the finished session; returns its id. */
  public Future<UUID> record(SqlClient conn, Outcome o) {
    return record(conn, o, Future::succeededFuture);
  }

  /**
   * Inserts the finished session, runs {@code work} with its id (storing the result on the same connection), and
   * counts the session in the day's model performance last, so that the transaction holds that shared counter
   * row only for its final statement.
   */
  public <T> Future<T> record(SqlClient conn, Outcome o, Function<UUID, Future<T>> work) {
    UUID id = UUID.randomUUID();
    ModelCatalog.Model model = models.find(o.usage().model());
    return conn.preparedQuery(INSERT).execute(Tuple.from(new Object[] {id, o.userId(), o.operation(),
            model == null ? null : model.id(), o.usage().model(), o.usage().provider(),
            o.failed() ? "failed" : "completed", o.usage().fallbackUsed(), o.usage().inputTokens(),
            o.usage().outputTokens(), (int) o.latencyMs(), cost(model, o.usage()), error(o), o.requestId(),
            o.resumeId(), metadata(o), OffsetDateTime.now(ZoneOffset.UTC).minusNanos(o.latencyMs() * 1_000_000)}))
        .compose(v -> work.apply(id))
        .compose(result -> performance(conn, o).map(result));
  }

  /**
   * Records an operation that failed on the service's side and fails with {@code failure}. Refused requests are not
   * operations: a 4xx problem is the caller's, and a full queue did no work (nor should it add database load). Work
   * stopped at its deadline is one, though its answer is a 422: it took the service's time, and its row says so.
   */
  public <T> Future<T> failed(Pool pool, UUID userId, String operation, String model, long startedNanos,
                              UUID resumeId, Throwable failure) {
    if (failure instanceof ApiException api && !(failure instanceof Deadline.Exceeded)
        && (api.status() < 500 || api instanceof ApiException.Overloaded)) {
      return Future.failedFuture(failure);
    }
    Outcome o = new Outcome(userId, operation, Usage.local(model, 0, 0), (System.nanoTime() - startedNanos) / 1_000_000,
        String.valueOf(failure.getMessage()), null, resumeId, new JsonObject());
    return pool.withTransaction(conn -> record(conn, o)).transform(ignored -> Future.failedFuture(failure));
  }

  /**
   * Claims {@code requestId} for this process: a new session row in {@code processing}, or an earlier attempt taken
   * up again when it failed or has been processing for over ten minutes. Empty when another delivery holds it now
   * or finished it.
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

  /** Completes a claimed session with its outcome ({@code metadata} keeps the result for a repeated request). */
  public Future<Void> finish(SqlClient conn, UUID sessionId, Outcome o) {
    ModelCatalog.Model model = models.find(o.usage().model());
    return conn.preparedQuery(FINISH).execute(Tuple.from(new Object[] {sessionId, model == null ? null : model.id(),
            o.usage().model(), o.usage().provider(), o.failed() ? "failed" : "completed", o.usage().fallbackUsed(),
            o.usage().inputTokens(), o.usage().outputTokens(), (int) o.latencyMs(), cost(model, o.usage()), error(o),
            metadata(o)}))
        .compose(v -> performance(conn, o));
  }

  private Future<Void> performance(SqlClient conn, Outcome o) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Future<Void> done = Future.succeededFuture();
    ModelCatalog.Model model = models.find(o.usage().model());
    if (model != null) {
      boolean failed = o.failed();
      done = done.compose(v -> conn.preparedQuery(PERFORMANCE).execute(Tuple.from(new Object[] {model.id(), today,
              o.operation(), failed ? 0 : 1, failed ? 1 : 0, o.usage().fallbackUsed() ? 1 : 0, o.latencyMs(),
              BigDecimal.valueOf(o.latencyMs()), (long) o.usage().inputTokens(), (long) o.usage().outputTokens(), cost(model, o.usage())}))
          .mapEmpty());
    }
    ModelCatalog.Model failedRemote = o.usage().failedModel() == null ? null : models.find(o.usage().failedModel());
    if (failedRemote != null) {
      done = done.compose(v -> conn.preparedQuery(PERFORMANCE).execute(Tuple.from(new Object[] {failedRemote.id(),
              today, o.operation(), 0, 1, 0, 0L, BigDecimal.ZERO, 0L, 0L, BigDecimal.ZERO}))
          .mapEmpty());
    }
    return done;
  }

  private static BigDecimal cost(ModelCatalog.Model model, Usage usage) {
    return model == null ? BigDecimal.ZERO : model.cost(usage.inputTokens(), usage.outputTokens());
  }

  private static String error(Outcome o) {
    if (o.failed()) {
      return o.error();
    }
    return o.usage().fallbackUsed() ? o.usage().failedProvider() + " failed, " + o.usage().model()
        + " answered instead: " + o.usage().remoteError() : null;
  }

  private static JsonObject metadata(Outcome o) {
    JsonObject m = o.metadata() == null ? new JsonObject() : o.metadata().copy();
    if (o.usage().fallbackUsed()) {
      m.put("requestedProvider", o.usage().failedProvider()).put("requestedModel", o.usage().failedModel());
    }
    return m;
  }
}
