package org.jobdash.ai.session;

import io.vertx.core.Future;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code ai_models} registry, read once at start: ids and per-1k-token prices by model name. */
public final class ModelCatalog {

  /** One registered model. */
  public record Model(UUID id, String name, String provider, BigDecimal costPer1kInput, BigDecimal costPer1kOutput) {

    /** USD for these token counts, to six decimals (the precision of the stored cost), half up. */
    public BigDecimal cost(int inputTokens, int outputTokens) {
      return costPer1kInput.multiply(BigDecimal.valueOf(inputTokens))
          .add(costPer1kOutput.multiply(BigDecimal.valueOf(outputTokens)))
          .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
    }
  }

  private final Map<String, Model> byName;

  public ModelCatalog(List<Model> models) {
    Map<String, Model> byName = new HashMap<>();
    models.forEach(m -> byName.put(m.name(), m));
    this.byName = Map.copyOf(byName);
  }

  public static Future<ModelCatalog> load(ModelRepository models) {
    return models.catalog().map(ModelCatalog::new);
  }

  /** The model of that name, or null when it is not registered (its sessions then carry only the name). */
  public Model find(String name) {
    return name == null ? null : byName.get(name);
  }
}
