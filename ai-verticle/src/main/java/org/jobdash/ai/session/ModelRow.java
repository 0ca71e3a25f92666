package org.jobdash.ai.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/** One model of the {@code ai_models} registry, as the models list shows it. */
public record ModelRow(UUID id, String modelName, String provider, String modelType, String displayName,
                       String version, Integer contextWindow, Integer maxOutputTokens, Integer embeddingDimensions,
                       double costPer1kInputTokens, double costPer1kOutputTokens, boolean isActive,
                       boolean isDefault, List<String> capabilities) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("modelName", modelName)
        .put("provider", provider)
        .put("modelType", modelType)
        .put("displayName", displayName)
        .put("version", version)
        .put("contextWindow", contextWindow)
        .put("maxOutputTokens", maxOutputTokens)
        .put("embeddingDimensions", embeddingDimensions)
        .put("costPer1kInputTokens", costPer1kInputTokens)
        .put("costPer1kOutputTokens", costPer1kOutputTokens)
        .put("isActive", isActive)
        .put("isDefault", isDefault)
        .put("capabilities", new JsonArray(capabilities));
  }
}
