package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A row of {@code optimization_templates}: rules for one trade or career situation. */
public record Template(UUID id, String name, String category, String industry, String description,
                       List<String> targetRoles, String instructions, JsonObject rules, boolean isDefault,
                       int usageCount) {

  public static final String COLUMNS = "id, name, category, industry, description, target_roles, instructions, rules, "
      + "is_default, usage_count";

  public static Template from(Row r) {
    String[] roles = r.getArrayOfStrings("target_roles");
    return new Template(r.getUUID("id"), r.getString("name"), r.getString("category"), r.getString("industry"),
        r.getString("description"), roles == null ? List.of() : Arrays.asList(roles), r.getString("instructions"),
        r.getValue("rules") instanceof JsonObject o ? o : new JsonObject(), Boolean.TRUE.equals(r.getBoolean("is_default")),
        r.getInteger("usage_count"));
  }

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
