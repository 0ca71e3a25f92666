package org.jobdash.resume.analysis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.db.Rows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code resume_analyses} and of the analysis state kept on {@code resumes}. */
public final class AnalysisRepository {

  /**
   * One statement: the analysis is stored only for the résumé's owner and only once per request id
   * ({@code ON CONFLICT (request_id) DO NOTHING}); the résumé takes its status and scores only when it was stored
   * now and answers the résumé's current request (an answer about an older text is kept as history only).
   */
  private static final String RECORD = """
      WITH target AS (
        SELECT id, user_id FROM resumes WHERE id = $1 AND user_id = $2
      ), stored AS (
        INSERT INTO resume_analyses (resume_id, user_id, request_id, status, overall_score, ats_score, content_score,
                                     skills_score, skills, findings, recommendations, results, ai_model,
                                     processing_time_ms, error_message)
        SELECT t.id, t.user_id, $3::uuid, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 FROM target t
        ON CONFLICT (request_id) DO NOTHING
        RETURNING id
      ), applied AS (
        UPDATE resumes r
        SET processing_status = $4,
            processing_error = $15,
            analysis_completed_at = now(),
            quality_score = CASE WHEN $4 = 'completed' THEN $5 ELSE r.quality_score END,
            ats_score = CASE WHEN $4 = 'completed' THEN $6 ELSE r.ats_score END,
            skills = CASE WHEN $4 = 'completed' THEN $9 ELSE r.skills END,
            ai_analysis = coalesce(r.ai_analysis, '{}'::jsonb) || jsonb_build_object(
              'analysisId', s.id, 'status', $4::text, 'overallScore', $5, 'contentScore', $7, 'skillsScore', $8,
              'recommendations', $11, 'model', $13::text)
        FROM stored s
        WHERE r.id = $1 AND r.ai_analysis ->> 'requestId' = $3::uuid::text
        RETURNING r.id
      )
      SELECT (SELECT count(*) FROM stored) AS stored, (SELECT count(*) FROM applied) AS applied""";

  private static final String OF_RESUME = """
      SELECT a.id, a.request_id, a.analysis_type, a.status, a.overall_score, a.ats_score, a.content_score,
             a.skills_score, a.skills, a.findings, a.recommendations, a.ai_model, a.processing_time_ms,
             a.error_message, a.created_at
      FROM resume_analyses a JOIN resumes r ON r.id = a.resume_id
      WHERE r.id = $1 AND r.user_id = $2
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT $3""";

  private static final String SUMMARY = """
      SELECT s.*
      FROM resumes r CROSS JOIN LATERAL get_analysis_summary(r.id) s
      WHERE r.id = $1 AND r.user_id = $2""";

  private static final String GIVE_UP = """
      UPDATE resumes
      SET processing_status = 'failed',
          processing_error = 'No analysis arrived after ' || analysis_attempts || ' requests'
      WHERE processing_status = 'pending' AND analysis_attempts >= $2
        AND analysis_requested_at < now() - make_interval(secs => $1)""";

  private static final String RESEND = """
      UPDATE resumes r
      SET analysis_attempts = r.analysis_attempts + 1,
          analysis_requested_at = now(),
          ai_analysis = coalesce(r.ai_analysis, '{}'::jsonb)
                        || jsonb_build_object('requestId', coalesce(r.ai_analysis ->> 'requestId', gen_random_uuid()::text))
      FROM (SELECT id FROM resumes
            WHERE processing_status = 'pending' AND analysis_attempts < $2
              AND (analysis_requested_at IS NULL OR analysis_requested_at < now() - make_interval(secs => $1))
            ORDER BY analysis_requested_at NULLS FIRST
            LIMIT $3
            FOR UPDATE SKIP LOCKED) due
      WHERE r.id = due.id
      RETURNING r.id, r.user_id, r.title, r.content, r.ai_analysis ->> 'requestId' AS request_id""";

  /** What storing an answer did: whether it was new, and whether it became the résumé's state. */
  public record Recorded(boolean stored, boolean applied) {}

  /** A request to send again. */
  public record Due(UUID requestId, UUID resumeId, UUID userId, String title, String content) {}

  private final Pool pool;

  public AnalysisRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Recorded> record(AnalysisCompleted a, JsonObject message) {
    boolean completed = AnalysisCompleted.COMPLETED.equals(a.status());
    return pool.preparedQuery(RECORD).execute(Tuple.from(new Object[] {a.resumeId(), a.userId(), a.requestId(),
            a.status(), a.overallScore(), a.atsScore(), a.contentScore(), a.skillsScore(), a.skills(), a.findings(),
            a.recommendations(), message, a.model(), (int) Math.min(Integer.MAX_VALUE, Math.max(0, a.processingTimeMs())),
            completed ? null : a.error() == null ? "The analysis failed" : a.error()}))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new Recorded(r.getLong("stored") > 0, r.getLong("applied") > 0);
        });
  }

  public Future<List<Analysis>> ofResume(UUID resumeId, UUID userId, int limit) {
    return pool.preparedQuery(OF_RESUME).execute(Tuple.of(resumeId, userId, limit)).map(rows -> {
      List<Analysis> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(analysis(r)));
      return out;
    });
  }

  /** The seed's {@code get_analysis_summary}; empty when the résumé is not the user's. */
  public Future<Optional<AnalysisSummary>> summary(UUID resumeId, UUID userId) {
    return pool.preparedQuery(SUMMARY).execute(Tuple.of(resumeId, userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
  }

  /** Marks failed the pending analyses that had {@code maxAttempts} requests and no answer; returns how many. */
  public Future<Integer> giveUp(Duration resendAfter, int maxAttempts) {
    return pool.preparedQuery(GIVE_UP).execute(Tuple.of(seconds(resendAfter), maxAttempts)).map(rows -> rows.rowCount());
  }

  /** Claims up to {@code batch} requests that waited longer than {@code resendAfter}: same id, one more attempt. */
  public Future<List<Due>> claimDue(Duration resendAfter, int maxAttempts, int batch) {
    return pool.preparedQuery(RESEND).execute(Tuple.of(seconds(resendAfter), maxAttempts, batch)).map(rows -> {
      List<Due> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(new Due(UUID.fromString(r.getString("request_id")), r.getUUID("id"),
          r.getUUID("user_id"), r.getString("title"), r.getString("content"))));
      return out;
    });
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static Analysis analysis(Row r) {
    return new Analysis(r.getUUID("id"), r.getUUID("request_id"), r.getString("analysis_type"), r.getString("status"),
        Rows.number(r, "overall_score"), Rows.number(r, "ats_score"), Rows.number(r, "content_score"),
        Rows.number(r, "skills_score"), array(r.getValue("skills")),
        r.getValue("findings") instanceof JsonObject o ? o : null, array(r.getValue("recommendations")),
        r.getString("ai_model"), r.getInteger("processing_time_ms"), r.getString("error_message"),
        r.getOffsetDateTime("created_at"));
  }

  private static AnalysisSummary summary(Row r) {
    return new AnalysisSummary(r.getLong("total_analyses"), r.getLong("completed_analyses"),
        r.getLong("failed_analyses"), r.getUUID("latest_analysis_id"), r.getString("latest_analysis_type"),
        r.getOffsetDateTime("latest_analysis_at"), Rows.number(r, "latest_overall_score"),
        Rows.number(r, "latest_ats_score"), Rows.number(r, "latest_content_score"),
        Rows.number(r, "latest_skills_score"), array(r.getValue("latest_recommendations")),
        array(r.getValue("latest_skills")), Rows.number(r, "avg_overall_score"), Rows.number(r, "avg_ats_score"),
        Rows.number(r, "avg_content_score"), Rows.number(r, "avg_skills_score"),
        r.getOffsetDateTime("first_analysis_at"), r.getOffsetDateTime("last_analysis_at"));
  }

  private static JsonArray array(Object jsonb) {
    return jsonb instanceof JsonArray a ? a : null;
  }
}
