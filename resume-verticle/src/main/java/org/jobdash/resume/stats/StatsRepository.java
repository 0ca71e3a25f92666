package org.jobdash.resume.stats;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.Rows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

  private static final String OPTIMIZATIONS = """
      SELECT total_optimizations, completed_optimizations, failed_optimizations, pending_optimizations,
             processing_optimizations, avg_score_before, avg_score_after, avg_improvement, avg_processing_time_ms,
             avg_rating, feedback_count, success_rate
      FROM get_optimization_statistics($1)""";

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

  public Future<Stats> of(UUID userId) {
    Tuple user = Tuple.of(userId);
    Future<RowSet<Row>> resumes = pool.preparedQuery(RESUMES).execute(user);
    Future<RowSet<Row>> versions = pool.preparedQuery(VERSIONS).execute(user);
    Future<RowSet<Row>> optimizations = pool.preparedQuery(OPTIMIZATIONS).execute(user);
    Future<RowSet<Row>> optimizationMetrics = pool.preparedQuery(OPTIMIZATION_METRICS).execute(user);
    Future<RowSet<Row>> analysisMetrics = pool.preparedQuery(ANALYSIS_METRICS).execute(user);
    Future<RowSet<Row>> storage = pool.preparedQuery(STORAGE).execute(user);
    return Future.all(resumes, versions, optimizations, optimizationMetrics, analysisMetrics, storage)
        .map(all -> new Stats(
            resumeCounts(resumes.result().iterator().next()),
            versionCounts(versions.result().iterator().next()),
            optimizationStatistics(optimizations.result().iterator().next()),
            all(optimizationMetrics.result(), StatsRepository::optimizationMetric),
            all(analysisMetrics.result(), StatsRepository::analysisMetric),
            all(storage.result(), StatsRepository::storageUsage)));
  }

  private static Stats.ResumeCounts resumeCounts(Row r) {
    return new Stats.ResumeCounts(r.getLong("total"), r.getLong("pending"), r.getLong("processing"),
        r.getLong("completed"), r.getLong("failed"), r.getLong("with_file"), Rows.number(r, "avg_quality_score"),
        Rows.number(r, "avg_ats_score"));
  }

  private static Stats.VersionCounts versionCounts(Row r) {
    return new Stats.VersionCounts(r.getLong("total_versions"), r.getLong("user_versions"), r.getLong("ai_versions"),
        r.getLong("restore_versions"), r.getOffsetDateTime("last_version_at"));
  }

  private static Stats.OptimizationStatistics optimizationStatistics(Row r) {
    return new Stats.OptimizationStatistics(r.getLong("total_optimizations"), r.getLong("completed_optimizations"),
        r.getLong("failed_optimizations"), r.getLong("pending_optimizations"), r.getLong("processing_optimizations"),
        Rows.number(r, "avg_score_before"), Rows.number(r, "avg_score_after"), Rows.number(r, "avg_improvement"),
        Rows.number(r, "avg_processing_time_ms"), Rows.number(r, "avg_rating"), r.getLong("feedback_count"),
        Rows.number(r, "success_rate"));
  }

  private static Stats.OptimizationMetric optimizationMetric(Row r) {
    return new Stats.OptimizationMetric(r.getString("optimization_type"), r.getString("ai_model"),
        r.getLong("total_optimizations"), r.getLong("completed_optimizations"), r.getLong("failed_optimizations"),
        r.getLong("in_progress_optimizations"), Rows.number(r, "success_rate"), Rows.number(r, "avg_score_before"),
        Rows.number(r, "avg_score_after"), Rows.number(r, "avg_improvement"), Rows.number(r, "avg_processing_time_ms"),
        Rows.number(r, "avg_rating"), r.getLong("feedback_count"), r.getOffsetDateTime("last_optimization_at"));
  }

  private static Stats.AnalysisMetric analysisMetric(Row r) {
    return new Stats.AnalysisMetric(r.getString("analysis_type"), r.getString("ai_model"), r.getLong("total_analyses"),
        r.getLong("completed_analyses"), r.getLong("failed_analyses"), Rows.number(r, "failure_rate"),
        Rows.number(r, "avg_overall_score"), Rows.number(r, "avg_ats_score"), Rows.number(r, "avg_content_score"),
        Rows.number(r, "avg_skills_score"), Rows.number(r, "avg_processing_time_ms"),
        r.getOffsetDateTime("last_analysis_at"));
  }

  private static Stats.StorageUsage storageUsage(Row r) {
    return new Stats.StorageUsage(r.getString("storage_provider"), r.getLong("file_count"), r.getLong("total_bytes"),
        r.getOffsetDateTime("last_upload_at"));
  }

  private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(mapper.apply(r)));
    return out;
  }
}
