package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The optimisation records as clients read them. */
class OptimizationJsonTest {

  static final OffsetDateTime AT_MINUS_FIVE = OffsetDateTime.of(2026, 12, 1, 8, 0, 30, 250_000_000,
      ZoneOffset.ofHours(-5));
  static final UUID ID = UUID.fromString("0b5d1c7e-52c4-4a53-8f44-6c8c3f1b2e90");

  @Test
  void aHistoryEntryNamesItsTemplateAndKeepsUnknownsAsNull() {
    JsonObject json = new HistoryEntry(ID, null, null, ID, "Hospitality", null, "optimized", 40.5, 55.0, 14.5,
        "local-template-optimizer", 3, null, AT_MINUS_FIVE).toJson();
    assertThat(json.fieldNames()).containsExactly("id", "optimizationId", "resumeId", "templateId", "templateName",
        "sessionId", "action", "scoreBefore", "scoreAfter", "improvement", "modelName", "changesCount", "accepted",
        "createdAt");
    assertThat(json.getString("createdAt")).isEqualTo("2026-12-01T13:00:30.250Z");
    assertThat(json.getString("templateId")).isEqualTo(ID.toString());
    assertThat(json.getValue("optimizationId")).isNull();
    assertThat(json.getValue("accepted")).isNull();
    assertThat(json.getDouble("improvement")).isEqualTo(14.5);
  }

  @Test
  void historyStatsKeepTheDatabasesKeysForEachDay() {
    JsonObject json = new HistoryStats(2, 2, 1, 1, 0, 0, 2, 0.0, 7.5, 10.0, 40.0, 47.5, 3.0, 1, ID, "General",
        Map.of("optimized", 2L), List.of(new HistoryStats.Day("2026-12-01", 2, 0, 7.5)), AT_MINUS_FIVE,
        AT_MINUS_FIVE.plusDays(30)).toJson();
    assertThat(json.getJsonObject("actions")).isEqualTo(new JsonObject().put("optimized", 2L));
    assertThat(json.getJsonArray("dailyActivity")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("date", "2026-12-01").put("entries", 2L).put("accepted", 0L).put("avg_improvement", 7.5)));
    assertThat(json.getString("periodStart")).isEqualTo("2026-12-01T13:00:30.250Z");
    assertThat(json.getString("mostUsedTemplateId")).isEqualTo(ID.toString());
    assertThat(json.fieldNames()).hasSize(20);
  }

  @Test
  void insightsOfAUserWithNothingYetHaveNullTemplatesAndPreferences() {
    JsonObject json = new Insights(ID, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0, 0, null,
        new Insights.Trend(0, null, 0, null, "insufficient_data")).toJson();
    assertThat(json.getString("user_id")).isEqualTo(ID.toString());
    assertThat(json.getLong("total_optimizations")).isZero();
    for (String key : List.of("last_optimization_at", "best_template", "most_used_template", "preferences")) {
      assertThat(json.containsKey(key)).as(key).isTrue();
      assertThat(json.getValue(key)).as(key).isNull();
    }
    assertThat(json.getJsonObject("trend").getString("direction")).isEqualTo("insufficient_data");
    assertThat(json.getJsonObject("trend").getValue("last_30_days_avg_improvement")).isNull();
  }

  @Test
  void insightsWriteTheirTimesAsUtcInstants() {
    Insights.StoredPreferences prefs = new Insights.StoredPreferences(null, null, "formal", "light", List.of("x"),
        List.of(), null, List.of(), List.of("HACCP"), AT_MINUS_FIVE);
    JsonObject json = new Insights(ID, 2, 2, 0, 1, 7.5, 10, 40, 47.5, AT_MINUS_FIVE,
        new Insights.TemplateUse(ID, "General", 2, 7.5), null, 2, 0, 0, 0, prefs,
        new Insights.Trend(2, 7.5, 0, null, "insufficient_data")).toJson();
    assertThat(json.getString("last_optimization_at")).isEqualTo("2026-12-01T13:00:30.250Z");
    assertThat(json.getJsonObject("preferences").getString("updated_at")).isEqualTo("2026-12-01T13:00:30.250Z");
    assertThat(json.getJsonObject("preferences").getJsonArray("custom_keywords")).containsExactly("HACCP");
    assertThat(json.getJsonObject("best_template")).isEqualTo(new JsonObject().put("template_id", ID.toString())
        .put("name", "General").put("uses", 2L).put("avg_improvement", 7.5));
  }

  @Test
  void settingsAreWrittenUnderTheNamesClientsSend() {
    JsonObject json = new Settings(ID, "concise", "aggressive", List.of("impact"), List.of("education"), "Hospitality",
        List.of("Sous chef"), List.of("HACCP"), true, true).toJson();
    assertThat(json).isEqualTo(new JsonObject().put("preferredTemplateId", ID.toString()).put("tone", "concise")
        .put("optimizationLevel", "aggressive").put("focusAreas", new JsonArray().add("impact"))
        .put("preserveSections", new JsonArray().add("education")).put("targetIndustry", "Hospitality")
        .put("targetRoles", new JsonArray().add("Sous chef")).put("customKeywords", new JsonArray().add("HACCP")));
    assertThat(Settings.defaults().toJson().getValue("preferredTemplateId")).isNull();
  }
}
