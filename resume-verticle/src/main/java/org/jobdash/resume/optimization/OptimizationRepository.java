package org.jobdash.resume.optimization;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.Rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code resume_optimizations} and {@code optimization_feedback}, scoped to the owner. */
public final class OptimizationRepository {

  private static final String CREATE = """
      WITH r AS (SELECT id, user_id, content FROM resumes WHERE id = $1 AND user_id = $2),
           created AS (
             INSERT INTO resume_optimizations (resume_id, user_id, status, optimization_type, job_description,
                                               target_role, template_id)
             SELECT r.id, r.user_id, 'pending', $3, $4, $5, $6 FROM r
             RETURNING id)
      SELECT created.id, r.content FROM created, r""";

  private static final String ONE = """
      SELECT h.*, o.resume_id
      FROM resume_optimizations o CROSS JOIN LATERAL get_optimization_history(o.resume_id) h
      WHERE o.id = $1 AND o.user_id = $2 AND h.optimization_id = o.id""";

  private static final String OF_RESUME = """
      SELECT h.*, r.id AS resume_id
      FROM resumes r CROSS JOIN LATERAL get_optimization_history(r.id) h
      WHERE r.id = $1 AND r.user_id = $2""";

  private static final String OWNED_RESUME = "SELECT 1 FROM resumes WHERE id = $1 AND user_id = $2";

  private static final String START = """
      UPDATE resume_optimizations SET status = 'processing', started_at = now(), attempts = attempts + 1
      WHERE id = $1 AND status = 'pending'""";

  private static final String STATE = "SELECT resume_id, user_id, status FROM resume_optimizations WHERE id = $1";

  private static final String LOCK = STATE + " FOR UPDATE";

  private static final String COMPLETE = """
      UPDATE resume_optimizations
      SET status = 'completed', score_before = $2, score_after = $3, changes = $4, result_version_id = $5,
          ai_model = $6, template_id = coalesce($7, template_id), processing_time_ms = $8, completed_at = now(),
          error_message = NULL
      WHERE id = $1""";

  private static final String FAIL = """
      UPDATE resume_optimizations
      SET status = 'failed', error_message = $2, completed_at = now(),
          processing_time_ms = greatest(0, (extract(epoch FROM now() - requested_at) * 1000)::integer)
      WHERE id = $1 AND status IN ('pending', 'processing')""";

  private static final String FAIL_STALE = """
      UPDATE resume_optimizations
      SET status = 'failed', completed_at = now(),
          error_message = 'No result arrived (the service restarted while it was being processed); request it again'
      WHERE status IN ('pending', 'processing') AND requested_at < now() - make_interval(secs => $1)""";

  private static final String FEEDBACK = """
      INSERT INTO optimization_feedback (optimization_id, user_id, rating, helpful, comment)
      SELECT o.id, o.user_id, $3, $4, $5 FROM resume_optimizations o WHERE o.id = $1 AND o.user_id = $2
      ON CONFLICT (optimization_id, user_id) DO NOTHING
      RETURNING id, created_at""";

  private static final String OWNED = "SELECT 1 FROM resume_optimizations WHERE id = $1 AND user_id = $2";

  /** A new optimisation and the text it is about. */
  public record Created(UUID id, String content) {}

  /** The row's owner and state, under its lock. */
  public record Locked(UUID resumeId, UUID userId, String status) {
    boolean open() {
      return "pending".equals(status) || "processing".equals(status);
    }
  }

  /** What a completed optimisation records. */
  public record Outcome(double scoreBefore, double scoreAfter, JsonArray changes, UUID resultVersionId, String model,
                        UUID templateId, long processingTimeMs) {}

  private final Pool pool;

  public OptimizationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Empty when the résumé is not the user's. */
  public Future<Optional<Created>> create(UUID resumeId, UUID userId, String type, String jobDescription,
                                          String targetRole, UUID templateId) {
    return pool.preparedQuery(CREATE)
        .execute(Tuple.from(new Object[] {resumeId, userId, type, jobDescription, targetRole, templateId}))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Created(r.getUUID("id"), r.getString("content")));
        });
  }

  public Future<Optional<Optimization>> find(UUID id, UUID userId) {
    return pool.preparedQuery(ONE).execute(Tuple.of(id, userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(optimization(rows.iterator().next())));
  }

  /** Newest first; empty when the résumé is not the user's (see {@link #ownsResume}). */
  public Future<List<Optimization>> ofResume(UUID resumeId, UUID userId) {
    return pool.preparedQuery(OF_RESUME).execute(Tuple.of(resumeId, userId)).map(rows -> {
      List<Optimization> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(optimization(r)));
      return out;
    });
  }

  public Future<Boolean> ownsResume(UUID resumeId, UUID userId) {
    return pool.preparedQuery(OWNED_RESUME).execute(Tuple.of(resumeId, userId)).map(rows -> rows.size() > 0);
  }

  public Future<Void> start(UUID id) {
    return pool.preparedQuery(START).execute(Tuple.of(id)).mapEmpty();
  }

  /** The row's résumé, user and status as they are now, without a lock. */
  public Future<Optional<Locked>> state(SqlClient client, UUID id) {
    return client.preparedQuery(STATE).execute(Tuple.of(id)).map(OptimizationRepository::locked);
  }

  public Future<Optional<Locked>> lock(SqlClient conn, UUID id) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(id)).map(OptimizationRepository::locked);
  }

  private static Optional<Locked> locked(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new Locked(r.getUUID("resume_id"), r.getUUID("user_id"), r.getString("status")));
  }

  public Future<Void> complete(SqlClient conn, UUID id, Outcome o) {
    return conn.preparedQuery(COMPLETE).execute(Tuple.from(new Object[] {id, o.scoreBefore(), o.scoreAfter(),
        o.changes(), o.resultVersionId(), o.model(), o.templateId(), (int) Math.min(Integer.MAX_VALUE,
        Math.max(0, o.processingTimeMs()))})).mapEmpty();
  }

  /** Marks a still-open optimisation failed; one already finished keeps its outcome. */
  public Future<Void> fail(UUID id, String reason) {
    return pool.preparedQuery(FAIL).execute(Tuple.of(id, reason)).mapEmpty();
  }

  /** Fails optimisations left open longer than {@code olderThanSeconds} (their request died with a process). */
  public Future<Integer> failStale(long olderThanSeconds) {
    return pool.preparedQuery(FAIL_STALE).execute(Tuple.of((double) olderThanSeconds)).map(rows -> rows.rowCount());
  }

  /** Empty when the user already gave feedback on it, or it is not theirs (see {@link #owns}). */
  public Future<Optional<Feedback>> addFeedback(UUID id, UUID userId, Integer rating, Boolean helpful, String comment) {
    return pool.preparedQuery(FEEDBACK).execute(Tuple.of(id, userId, rating == null ? null : rating.shortValue(),
        helpful, comment)).map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Feedback(r.getUUID("id"), id, rating, helpful, comment, r.getOffsetDateTime("created_at")));
        });
  }

  public Future<Boolean> owns(UUID id, UUID userId) {
    return pool.preparedQuery(OWNED).execute(Tuple.of(id, userId)).map(rows -> rows.size() > 0);
  }

  private static Optimization optimization(Row r) {
    UUID id = r.getUUID("optimization_id");
    return new Optimization(id, r.getUUID("resume_id"), r.getString("status"), r.getString("optimization_type"),
        r.getString("target_role"), r.getUUID("template_id"), r.getString("ai_model"), Rows.number(r, "score_before"),
        Rows.number(r, "score_after"), Rows.number(r, "improvement"),
        r.getValue("changes") instanceof JsonArray a ? a : new JsonArray(), r.getUUID("result_version_id"),
        r.getInteger("result_version_number"), r.getString("error_message"), r.getInteger("processing_time_ms"),
        r.getInteger("attempts"), r.getOffsetDateTime("requested_at"), r.getOffsetDateTime("started_at"),
        r.getOffsetDateTime("completed_at"), r.getInteger("feedback_count"), Rows.number(r, "avg_rating"),
        seedFeedback(id, r.getValue("feedback")));
  }

  /** The seed's feedback documents ({@code get_optimization_history.feedback}) use column names. */
  static List<Feedback> seedFeedback(UUID optimizationId, Object jsonb) {
    List<Feedback> out = new ArrayList<>();
    if (jsonb instanceof JsonArray documents) {
      for (Object item : documents) {
        JsonObject f = (JsonObject) item;
        out.add(new Feedback(UUID.fromString(f.getString("id")), optimizationId, f.getInteger("rating"),
            f.getBoolean("helpful"), f.getString("comment"), Rows.timestamp(f.getValue("created_at"))));
      }
    }
    return out;
  }
}
