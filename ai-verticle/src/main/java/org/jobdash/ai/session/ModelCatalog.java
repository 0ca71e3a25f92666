package org.jobdash.ai.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The {@code ai_models} registry, read once at start: ids and per-1k-token prices by model name. */
public final class ModelCatalog {

  private static final String ALL = """
      SELECT id, model_name, provider, cost_per_1k_input_tokens, cost_per_1k_output_tokens FROM ai_models""";

  /** One registered model. */
  public record Model(UUID id, String name, String provider, BigDecimal costPer1kInput, BigDecimal costPer1kOutput) {

    /** USD for these token counts. */
    public BigDecimal cost(int inputTokens, int outputTokens) {
      return costPer1kInput.multiply(BigDecimal.valueOf(inputTokens))
          .add(costPer1kOutput.multiply(BigDecimal.valueOf(outputTokens)))
          .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
    }
  }

  private final Map<String, Model> byName;

  private ModelCatalog(Map<String, Model> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static Future<ModelCatalog> load(Pool pool) {
    return pool.query(ALL).execute().map(rows -> {
      Map<String, Model> models = new HashMap<>();
      for (Row r : rows) {
        models.put(r.getString("model_name"), new Model(r.getUUID("id"), r.getString("model_name"),
            r.getString("provider"), r.getBigDecimal("cost_per_1k_input_tokens"),
            r.getBigDecimal("cost_per_1k_output_tokens")));
      }
      return new ModelCatalog(models);
    });
  }

  /** The model of that name, or null when it is not registered (its sessions then carry only the name). */
  public Model find(String name) {
    return name == null ? null : byName.get(name);
  }
}
