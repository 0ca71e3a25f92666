package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a user's optimisations add up to ({@code get_user_optimization_insights}): totals, improvement, the best and
 * the most used template, acceptance, the stored preferences and the trend of the last 30 days. The answer keeps the
 * function's snake_case keys, as the service has always given them.
 */
public record Insights(UUID userId, long totalOptimizations, long completedOptimizations, long failedOptimizations,
                       long resumesOptimized, double avgImprovement, double bestImprovement, double avgScoreBefore,
                       double avgScoreAfter, OffsetDateTime lastOptimizationAt, TemplateUse bestTemplate,
                       TemplateUse mostUsedTemplate, long historyEntries, long acceptedCount, long rejectedCount,
                       double acceptanceRate, StoredPreferences preferences, Trend trend) {

  /** A template's completed optimisations and their average improvement. */
  public record TemplateUse(UUID templateId, String name, long uses, Double avgImprovement) {
    JsonObject toJson() {
      return new JsonObject().put("template_id", Rows.text(templateId)).put("name", name).put("uses", uses)
          .put("avg_improvement", avgImprovement);
    }
  }

  /** The preferences the user stored here. */
  public record StoredPreferences(UUID preferredTemplateId, String preferredTemplateName, String tone,
                                  String optimizationLevel, List<String> focusAreas, List<String> preserveSections,
                                  String targetIndustry, List<String> targetRoles, List<String> customKeywords,
                                  OffsetDateTime updatedAt) {
    JsonObject toJson() {
      return new JsonObject().put("preferred_template_id", Rows.text(preferredTemplateId))
          .put("preferred_template_name", preferredTemplateName).put("tone", tone)
          .put("optimization_level", optimizationLevel).put("focus_areas", new JsonArray(focusAreas))
          .put("preserve_sections", new JsonArray(preserveSections)).put("target_industry", targetIndustry)
          .put("target_roles", new JsonArray(targetRoles)).put("custom_keywords", new JsonArray(customKeywords))
          .put("updated_at", Rows.iso(updatedAt));
    }
  }

  /**
   * The last 30 days against the 30 before.
   *
   * @param direction {@code improving}, {@code declining}, {@code stable} or {@code insufficient_data}
   */
  public record Trend(long last30DaysCount, Double last30DaysAvgImprovement, long previous30DaysCount,
                      Double previous30DaysAvgImprovement, String direction) {
    JsonObject toJson() {
      return new JsonObject().put("last_30_days_count", last30DaysCount)
          .put("last_30_days_avg_improvement", last30DaysAvgImprovement)
          .put("previous_30_days_count", previous30DaysCount)
          .put("previous_30_days_avg_improvement", previous30DaysAvgImprovement).put("direction", direction);
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("user_id", Rows.text(userId))
        .put("total_optimizations", totalOptimizations)
        .put("completed_optimizations", completedOptimizations)
        .put("failed_optimizations", failedOptimizations)
        .put("resumes_optimized", resumesOptimized)
        .put("avg_improvement", avgImprovement)
        .put("best_improvement", bestImprovement)
        .put("avg_score_before", avgScoreBefore)
        .put("avg_score_after", avgScoreAfter)
        .put("last_optimization_at", Rows.iso(lastOptimizationAt))
        .put("best_template", bestTemplate == null ? null : bestTemplate.toJson())
        .put("most_used_template", mostUsedTemplate == null ? null : mostUsedTemplate.toJson())
        .put("history_entries", historyEntries)
        .put("accepted_count", acceptedCount)
        .put("rejected_count", rejectedCount)
        .put("acceptance_rate", acceptanceRate)
        .put("preferences", preferences == null ? null : preferences.toJson())
        .put("trend", trend.toJson());
  }
}
