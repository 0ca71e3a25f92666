package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code optimization_templates}: rules for one trade or career situation. */
public record Template(UUID id, String name, String category, String industry, String description,
                       List<String> targetRoles, String instructions, JsonObject rules, boolean isDefault,
                       int usageCount) {

  /** A list from {@code rules}, e.g. {@code action_verbs}, {@code keywords}, {@code avoid_phrases}. */
  public List<String> rule(String key) {
    JsonArray a = rules.getJsonArray(key, new JsonArray());
    List<String> out = new ArrayList<>(a.size());
    for (Object o : a) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id.toString()).put("name", name).put("category", category)
        .put("industry", industry).put("description", description).put("targetRoles", new JsonArray(targetRoles))
        .put("instructions", instructions).put("rules", rules).put("isDefault", isDefault)
        .put("usageCount", usageCount);
  }
}
