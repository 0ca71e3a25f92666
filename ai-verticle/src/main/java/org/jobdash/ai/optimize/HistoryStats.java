package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A caller's optimisation history over a period ({@code get_optimization_history_stats}): counts, acceptance,
 * scores, the most used template, entries per action and per day.
 */
public record HistoryStats(long totalEntries, long distinctOptimizations, long distinctResumes, long distinctUsers,
                           long acceptedCount, long rejectedCount, long undecidedCount, double acceptanceRate,
                           double avgImprovement, double maxImprovement, double avgScoreBefore, double avgScoreAfter,
                           double avgChangesCount, long templatesUsed, UUID mostUsedTemplateId,
                           String mostUsedTemplateName, Map<String, Long> actions, List<Day> dailyActivity,
                           OffsetDateTime periodStart, OffsetDateTime periodEnd) {

  /** One day of the period (UTC) with entries. */
  public record Day(String date, long entries, long accepted, Double avgImprovement) {
    JsonObject toJson() {
      // the keys the database function writes, as the service has always answered them
      return new JsonObject().put("date", date).put("entries", entries).put("accepted", accepted)
          .put("avg_improvement", avgImprovement);
    }
  }

  public JsonObject toJson() {
    JsonObject perAction = new JsonObject();
    actions.forEach(perAction::put);
    return new JsonObject()
        .put("totalEntries", totalEntries)
        .put("distinctOptimizations", distinctOptimizations)
        .put("distinctResumes", distinctResumes)
        .put("distinctUsers", distinctUsers)
        .put("acceptedCount", acceptedCount)
        .put("rejectedCount", rejectedCount)
        .put("undecidedCount", undecidedCount)
        .put("acceptanceRate", acceptanceRate)
        .put("avgImprovement", avgImprovement)
        .put("maxImprovement", maxImprovement)
        .put("avgScoreBefore", avgScoreBefore)
        .put("avgScoreAfter", avgScoreAfter)
        .put("avgChangesCount", avgChangesCount)
        .put("templatesUsed", templatesUsed)
        .put("mostUsedTemplateId", Rows.text(mostUsedTemplateId))
        .put("mostUsedTemplateName", mostUsedTemplateName)
        .put("actions", perAction)
        .put("dailyActivity", new JsonArray(dailyActivity.stream().map(Day::toJson).toList()))
        .put("periodStart", Rows.iso(periodStart))
        .put("periodEnd", Rows.iso(periodEnd));
  }
}
