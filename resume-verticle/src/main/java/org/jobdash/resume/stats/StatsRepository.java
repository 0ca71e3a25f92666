package org.jobdash.resume.stats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.jobdash.resume.RowJson;

import java.util.UUID;

/** The caller's statistics from the seed's statistics function and performance views, each filtered to them. */
public final class StatsRepository {

  private static final String RESUMES = """
      SELECT count(*) AS total,
             count(*) FILTER (WHERE processing_status = 'pending') AS pending,
             count(*) FILTER (WHERE processing_status = 'processing') AS processing,
             count(*) FILTER (WHERE processing_status = 'completed') AS completed,
             count(*) FILTER (WHERE processing_status = 'failed') AS failed,
             count(*) FILTER (WHERE storage_key IS NOT NULL) AS with_file,
             round(avg(quality_score), 2) AS avg_quality_score,
             round(avg(ats_score), 2) AS avg_ats_score
      FROM resumes WHERE user_id = $1""";

  private static final String VERSIONS = """
      SELECT coalesce(sum(version_count), 0)::bigint AS total_versions,
             coalesce(sum(user_versions), 0)::bigint AS user_versions,
             coalesce(sum(ai_versions), 0)::bigint AS ai_versions,
             coalesce(sum(restore_versions), 0)::bigint AS restore_versions,
             max(last_version_at) AS last_version_at
      FROM resume_version_summary WHERE user_id = $1""";

  private static final String OPTIMIZATIONS = "SELECT * FROM get_optimization_statistics($1)";

  private static final String OPTIMIZATION_METRICS = """
      SELECT optimization_type, ai_model, total_optimizations, completed_optimizations, failed_optimizations,
             in_progress_optimizations, success_rate, avg_score_before, avg_score_after, avg_improvement,
             avg_processing_time_ms, avg_rating, feedback_count, last_optimization_at
      FROM optimization_performance_metrics WHERE user_id = $1
      ORDER BY total_optimizations DESC, optimization_type""";

  private static final String ANALYSIS_METRICS = """
      SELECT analysis_type, ai_model, total_analyses, completed_analyses, failed_analyses, failure_rate,
             avg_overall_score, avg_ats_score, avg_content_score, avg_skills_score, avg_processing_time_ms,
             last_analysis_at
      FROM analysis_performance_metrics WHERE user_id = $1
      ORDER BY total_analyses DESC, analysis_type""";

  private static final String STORAGE = """
      SELECT storage_provider, file_count, total_bytes, last_upload_at
      FROM storage_usage_summary WHERE user_id = $1
      ORDER BY storage_provider NULLS LAST""";

  private final Pool pool;

  public StatsRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> of(UUID userId) {
    Tuple user = Tuple.of(userId);
    Future<RowSet<Row>> resumes = pool.preparedQuery(RESUMES).execute(user);
    Future<RowSet<Row>> versions = pool.preparedQuery(VERSIONS).execute(user);
    Future<RowSet<Row>> optimizations = pool.preparedQuery(OPTIMIZATIONS).execute(user);
    Future<RowSet<Row>> optimizationMetrics = pool.preparedQuery(OPTIMIZATION_METRICS).execute(user);
    Future<RowSet<Row>> analysisMetrics = pool.preparedQuery(ANALYSIS_METRICS).execute(user);
    Future<RowSet<Row>> storage = pool.preparedQuery(STORAGE).execute(user);
    return Future.all(resumes, versions, optimizations, optimizationMetrics, analysisMetrics, storage)
        .map(all -> new JsonObject()
            .put("resumes", RowJson.of(resumes.result().iterator().next()))
            .put("versions", RowJson.of(versions.result().iterator().next()))
            .put("optimizations", RowJson.of(optimizations.result().iterator().next()))
            .put("optimizationMetrics", RowJson.all(optimizationMetrics.result()))
            .put("analysisMetrics", RowJson.all(analysisMetrics.result()))
            .put("storage", RowJson.all(storage.result())));
  }
}
