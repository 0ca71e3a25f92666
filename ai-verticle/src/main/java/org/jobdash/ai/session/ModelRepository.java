package org.jobdash.ai.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.Rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code ai_models} registry and of its daily {@code model_performance_history} counters. */
public final class ModelRepository {

  private static final String CATALOG = """
      SELECT id, model_name, provider, cost_per_1k_input_tokens, cost_per_1k_output_tokens FROM ai_models""";

  private static final String MODELS = """
      SELECT id, model_name, provider, model_type, display_name, version, context_window, max_output_tokens,
             embedding_dimensions, cost_per_1k_input_tokens, cost_per_1k_output_tokens, is_active, is_default,
             capabilities
        FROM ai_models ORDER BY provider, model_name""";

  private static final String MODEL_EXISTS = "SELECT 1 FROM ai_models WHERE id = $1";

  private static final String TRENDS = "SELECT * FROM get_model_performance_trends($1) WHERE model_id = $2";

  private static final String COUNT = """
      INSERT INTO model_performance_history (model_id, period_date, operation, request_count, success_count,
                                             failure_count, fallback_count, total_latency_ms, avg_latency_ms,
                                             input_tokens, output_tokens, total_cost)
      VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (model_id, period_date, operation) DO UPDATE SET
        request_count    = model_performance_history.request_count + 1,
        success_count    = model_performance_history.success_count + EXCLUDED.success_count,
        failure_count    = model_performance_history.failure_count + EXCLUDED.failure_count,
        fallback_count   = model_performance_history.fallback_count + EXCLUDED.fallback_count,
        total_latency_ms = model_performance_history.total_latency_ms + EXCLUDED.total_latency_ms,
        avg_latency_ms   = round((model_performance_history.total_latency_ms + EXCLUDED.total_latency_ms)::numeric
                                 / (model_performance_history.request_count + 1), 2),
        input_tokens     = model_performance_history.input_tokens + EXCLUDED.input_tokens,
        output_tokens    = model_performance_history.output_tokens + EXCLUDED.output_tokens,
        total_cost       = model_performance_history.total_cost + EXCLUDED.total_cost""";

  /** One request to count in a model's counters of {@code day}. */
  public record Use(UUID modelId, LocalDate day, String operation, boolean succeeded, boolean fallback,
                    long latencyMs, long inputTokens, long outputTokens, BigDecimal cost) {}

  private final Pool pool;

  public ModelRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every registered model with its prices (read once at start). */
  public Future<List<ModelCatalog.Model>> catalog() {
    return pool.query(CATALOG).execute().map(rows -> {
      List<ModelCatalog.Model> models = new ArrayList<>(rows.size());
      rows.forEach(r -> models.add(new ModelCatalog.Model(r.getUUID("id"), r.getString("model_name"),
          r.getString("provider"), r.getBigDecimal("cost_per_1k_input_tokens"),
          r.getBigDecimal("cost_per_1k_output_tokens"))));
      return models;
    });
  }

  public Future<List<ModelRow>> models() {
    return pool.query(MODELS).execute().map(rows -> {
      List<ModelRow> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(model(r)));
      return out;
    });
  }

  /** The model's daily rows of the last {@code days} days, oldest first; empty when no such model exists. */
  public Future<Optional<List<ModelDay>>> performance(UUID modelId, int days) {
    return pool.preparedQuery(MODEL_EXISTS).execute(Tuple.of(modelId)).compose(found -> found.size() == 0
        ? Future.succeededFuture(Optional.empty())
        : pool.preparedQuery(TRENDS).execute(Tuple.of(days, modelId)).map(rows -> {
          List<ModelDay> out = new ArrayList<>(rows.size());
          rows.forEach(r -> out.add(new ModelDay(r.getUUID("model_id"), r.getString("model_name"),
              r.getString("provider"), r.getLocalDate("period_date"), r.getString("operation"),
              r.getLong("request_count"), r.getLong("success_count"), r.getLong("failure_count"),
              r.getLong("fallback_count"), Rows.number(r, "success_rate"), Rows.number(r, "avg_latency_ms"),
              Rows.number(r, "p95_latency_ms"), r.getLong("input_tokens"), r.getLong("output_tokens"),
              r.getLong("total_tokens"), Rows.number(r, "total_cost"))));
          return Optional.of(out);
        }));
  }

  /**
   * Counts one request in the model's row of the day, on the caller's transaction. The row is shared by every
   * request of that model, operation and day: callers run this as their transaction's last statement, so that the
   * row is held only briefly.
   */
  public Future<Void> count(SqlClient conn, Use use) {
    return conn.preparedQuery(COUNT).execute(Tuple.from(new Object[] {use.modelId(), use.day(), use.operation(),
            use.succeeded() ? 1 : 0, use.succeeded() ? 0 : 1, use.fallback() ? 1 : 0, use.latencyMs(),
            BigDecimal.valueOf(use.latencyMs()), use.inputTokens(), use.outputTokens(), use.cost()}))
        .mapEmpty();
  }

  private static ModelRow model(Row r) {
    List<String> capabilities = new ArrayList<>();
    if (r.getValue("capabilities") instanceof JsonArray a) {
      a.forEach(c -> capabilities.add(String.valueOf(c)));
    }
    return new ModelRow(r.getUUID("id"), r.getString("model_name"), r.getString("provider"),
        r.getString("model_type"), r.getString("display_name"), r.getString("version"),
        r.getInteger("context_window"), r.getInteger("max_output_tokens"), r.getInteger("embedding_dimensions"),
        Rows.number(r, "cost_per_1k_input_tokens"), Rows.number(r, "cost_per_1k_output_tokens"),
        r.getBoolean("is_active"), r.getBoolean("is_default"), List.copyOf(capabilities));
  }
}
