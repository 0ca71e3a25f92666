package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.util.List;
import java.util.UUID;

/**
 * How a user wants optimisation done ({@code user_optimization_preferences}), merged with the AI settings the
 * user service keeps ({@code aiPersonalization.tone}, {@code optimizationLevel}, {@code aiOptimizationEnabled}).
 */
public record Settings(UUID preferredTemplateId, String tone, String level, List<String> focusAreas,
                       List<String> preserveSections, String targetIndustry, List<String> targetRoles,
                       List<String> customKeywords, boolean remoteAllowed, boolean stored) {

  public static Settings defaults() {
    return new Settings(null, "professional", "moderate", List.of(), List.of(), null, List.of(), List.of(), true, false);
  }

  /** These settings where the user stored none of their own here, else the user service's only for remote use. */
  public Settings withUserService(JsonObject preferences) {
    JsonObject ai = preferences.getJsonObject("aiPersonalization", new JsonObject());
    boolean remote = preferences.getBoolean("aiOptimizationEnabled", true);
    if (stored) {
      return new Settings(preferredTemplateId, tone, level, focusAreas, preserveSections, targetIndustry, targetRoles,
          customKeywords, remote, true);
    }
    return new Settings(preferredTemplateId, ai.getString("tone", tone), ai.getString("optimizationLevel", level),
        focusAreas, preserveSections, targetIndustry, targetRoles, customKeywords, remote, false);
  }

  public JsonObject toJson() {
    return new JsonObject().put("preferredTemplateId", Rows.text(preferredTemplateId))
        .put("tone", tone).put("optimizationLevel", level).put("focusAreas", new JsonArray(focusAreas))
        .put("preserveSections", new JsonArray(preserveSections)).put("targetIndustry", targetIndustry)
        .put("targetRoles", new JsonArray(targetRoles)).put("customKeywords", new JsonArray(customKeywords));
  }
}
