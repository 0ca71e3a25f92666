package org.jobdash.resume.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A user's figures: their résumés by state, their versions by origin, the seed's optimisation statistics, the
 * optimisation and analysis performance views and their stored files, each filtered to them.
 */
public record Stats(ResumeCounts resumes, VersionCounts versions, OptimizationStatistics optimizations,
                    List<OptimizationMetric> optimizationMetrics, List<AnalysisMetric> analysisMetrics,
                    List<StorageUsage> storage) {

  public record ResumeCounts(long total, long pending, long processing, long completed, long failed, long withFile,
                             Double avgQualityScore, Double avgAtsScore) {

    JsonObject toJson() {
      return new JsonObject().put("total", total).put("pending", pending).put("processing", processing)
          .put("completed", completed).put("failed", failed).put("withFile", withFile)
          .put("avgQualityScore", avgQualityScore).put("avgAtsScore", avgAtsScore);
    }
  }

  public record VersionCounts(long totalVersions, long userVersions, long aiVersions, long restoreVersions,
                              OffsetDateTime lastVersionAt) {

    JsonObject toJson() {
      return new JsonObject().put("totalVersions", totalVersions).put("userVersions", userVersions)
          .put("aiVersions", aiVersions).put("restoreVersions", restoreVersions)
          .put("lastVersionAt", Rows.iso(lastVersionAt));
    }
  }

  /** The seed's {@code get_optimization_statistics}. */
  public record OptimizationStatistics(long totalOptimizations, long completedOptimizations,
                                       long failedOptimizations, long pendingOptimizations,
                                       long processingOptimizations, Double avgScoreBefore, Double avgScoreAfter,
                                       Double avgImprovement, Double avgProcessingTimeMs, Double avgRating,
                                       long feedbackCount, Double successRate) {

    JsonObject toJson() {
      return new JsonObject().put("totalOptimizations", totalOptimizations)
          .put("completedOptimizations", completedOptimizations).put("failedOptimizations", failedOptimizations)
          .put("pendingOptimizations", pendingOptimizations).put("processingOptimizations", processingOptimizations)
          .put("avgScoreBefore", avgScoreBefore).put("avgScoreAfter", avgScoreAfter)
          .put("avgImprovement", avgImprovement).put("avgProcessingTimeMs", avgProcessingTimeMs)
          .put("avgRating", avgRating).put("feedbackCount", feedbackCount).put("successRate", successRate);
    }
  }

  /** A row of {@code optimization_performance_metrics}: one optimisation type by one model. */
  public record OptimizationMetric(String optimizationType, String aiModel, long totalOptimizations,
                                   long completedOptimizations, long failedOptimizations,
                                   long inProgressOptimizations, Double successRate, Double avgScoreBefore,
                                   Double avgScoreAfter, Double avgImprovement, Double avgProcessingTimeMs,
                                   Double avgRating, long feedbackCount, OffsetDateTime lastOptimizationAt) {

    JsonObject toJson() {
      return new JsonObject().put("optimizationType", optimizationType).put("aiModel", aiModel)
          .put("totalOptimizations", totalOptimizations).put("completedOptimizations", completedOptimizations)
          .put("failedOptimizations", failedOptimizations).put("inProgressOptimizations", inProgressOptimizations)
          .put("successRate", successRate).put("avgScoreBefore", avgScoreBefore).put("avgScoreAfter", avgScoreAfter)
          .put("avgImprovement", avgImprovement).put("avgProcessingTimeMs", avgProcessingTimeMs)
          .put("avgRating", avgRating).put("feedbackCount", feedbackCount)
          .put("lastOptimizationAt", Rows.iso(lastOptimizationAt));
    }
  }

  /** A row of {@code analysis_performance_metrics}: one analysis type by one model. */
  public record AnalysisMetric(String analysisType, String aiModel, long totalAnalyses, long completedAnalyses,
                               long failedAnalyses, Double failureRate, Double avgOverallScore, Double avgAtsScore,
                               Double avgContentScore, Double avgSkillsScore, Double avgProcessingTimeMs,
                               OffsetDateTime lastAnalysisAt) {

    JsonObject toJson() {
      return new JsonObject().put("analysisType", analysisType).put("aiModel", aiModel)
          .put("totalAnalyses", totalAnalyses).put("completedAnalyses", completedAnalyses)
          .put("failedAnalyses", failedAnalyses).put("failureRate", failureRate)
          .put("avgOverallScore", avgOverallScore).put("avgAtsScore", avgAtsScore)
          .put("avgContentScore", avgContentScore).put("avgSkillsScore", avgSkillsScore)
          .put("avgProcessingTimeMs", avgProcessingTimeMs).put("lastAnalysisAt", Rows.iso(lastAnalysisAt));
    }
  }

  /** A row of {@code storage_usage_summary}: the user's files in one provider. */
  public record StorageUsage(String storageProvider, long fileCount, long totalBytes, OffsetDateTime lastUploadAt) {

    JsonObject toJson() {
      return new JsonObject().put("storageProvider", storageProvider).put("fileCount", fileCount)
          .put("totalBytes", totalBytes).put("lastUploadAt", Rows.iso(lastUploadAt));
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("resumes", resumes.toJson())
        .put("versions", versions.toJson())
        .put("optimizations", optimizations.toJson())
        .put("optimizationMetrics", array(optimizationMetrics, OptimizationMetric::toJson))
        .put("analysisMetrics", array(analysisMetrics, AnalysisMetric::toJson))
        .put("storage", array(storage, StorageUsage::toJson));
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> toJson) {
    JsonArray out = new JsonArray();
    items.forEach(item -> out.add(toJson.apply(item)));
    return out;
  }
}
