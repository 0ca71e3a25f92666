package org.jobdash.ai.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code ai_processing_sessions} row of every operation and its count in the day's model performance: which
 * model and price an outcome is recorded with, what its error says, and in what order the statements run. Callers
 * pass the connection of their transaction, so a session is stored together with the result it produced, or not at
 * all.
 */
public final class SessionRecorder {

  /** One finished operation. {@code error} is set for a failed one. */
  public record Outcome(UUID userId, String operation, Usage usage, long latencyMs, String error, UUID requestId,
                        UUID resumeId, JsonObject metadata) {
    boolean failed() {
      return error != null;
    }
  }

  /** The row of a claimed session is gone: its user's data was purged while the work ran. */
  public static final class Gone extends RuntimeException {
    Gone(UUID sessionId) {
      super("session " + sessionId + " is gone: its user was deleted meanwhile", null, false, false);
    }
  }

  private final ModelCatalog models;
  private final SessionRepository sessions;
  private final ModelRepository performance;

  public SessionRecorder(ModelCatalog models, SessionRepository sessions, ModelRepository performance) {
    this.models = models;
    this.sessions = sessions;
    this.performance = performance;
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
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusNanos(o.latencyMs() * 1_000_000);
    return sessions.insert(conn, id, o.userId(), o.operation(), o.requestId(), o.resumeId(), started, finished(o))
        .compose(v -> work.apply(id))
        .compose(result -> count(conn, o).map(result));
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
    return sessions.claim(client, requestId, userId, operation, resumeId);
  }

  public Future<Optional<SessionRepository.Existing>> byRequest(SqlClient client, UUID requestId) {
    return sessions.byRequest(client, requestId);
  }

  /**
   * Completes a claimed session with its outcome ({@code metadata} keeps the result for a repeated request), then
   * runs {@code work} on the same connection (storing the result) and counts the session last. Completing it first
   * holds its row until the caller's transaction ends, so a purge of its user either comes first, and this fails
   * with {@link Gone} so that the transaction stores nothing, or waits and then removes the result too.
   */
  public <T> Future<T> finish(SqlClient conn, UUID sessionId, Outcome o, Supplier<Future<T>> work) {
    return sessions.finish(conn, sessionId, finished(o))
        .compose(found -> found ? work.get() : Future.<T>failedFuture(new Gone(sessionId)))
        .compose(result -> count(conn, o).map(result));
  }

  private SessionRepository.Finished finished(Outcome o) {
    ModelCatalog.Model model = models.find(o.usage().model());
    return new SessionRepository.Finished(model == null ? null : model.id(), o.usage().model(), o.usage().provider(),
        o.failed(), o.usage().fallbackUsed(), o.usage().inputTokens(), o.usage().outputTokens(), (int) o.latencyMs(),
        cost(model, o.usage()), error(o), metadata(o));
  }

  /** The outcome in the day's counters of the model that answered, and a failure for the remote one that did not. */
  private Future<Void> count(SqlClient conn, Outcome o) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Future<Void> done = Future.succeededFuture();
    ModelCatalog.Model model = models.find(o.usage().model());
    if (model != null) {
      ModelRepository.Use use = new ModelRepository.Use(model.id(), today, o.operation(), !o.failed(),
          o.usage().fallbackUsed(), o.latencyMs(), o.usage().inputTokens(), o.usage().outputTokens(),
          cost(model, o.usage()));
      done = done.compose(v -> performance.count(conn, use));
    }
    ModelCatalog.Model failedRemote = o.usage().failedModel() == null ? null : models.find(o.usage().failedModel());
    if (failedRemote != null) {
      ModelRepository.Use use = new ModelRepository.Use(failedRemote.id(), today, o.operation(), false, false, 0, 0,
          0, BigDecimal.ZERO);
      done = done.compose(v -> performance.count(conn, use));
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
