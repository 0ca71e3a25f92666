package org.jobdash.ai.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.UUID;

/** Reads of a caller's sessions and statistics, and of the model registry and its performance history. */
public final class SessionRepository {

  private static final String PAGE = """
      SELECT id, operation, model_name, provider, status, fallback_used, input_tokens, output_tokens, total_tokens,
             latency_ms, cost_estimate, error_message, request_id, resume_id, created_at, completed_at
        FROM ai_processing_sessions
       WHERE user_id = $1
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
         AND ($4::text IS NULL OR operation = $4)
       ORDER BY created_at DESC, id DESC
       LIMIT $5""";

  private static final String STATS = "SELECT * FROM get_processing_session_stats($1)";

  private static final String MODELS = """
      SELECT id, model_name, provider, model_type, display_name, version, context_window, max_output_tokens,
             embedding_dimensions, cost_per_1k_input_tokens, cost_per_1k_output_tokens, is_active, is_default,
             capabilities
        FROM ai_models ORDER BY provider, model_name""";

  private static final String MODEL_EXISTS = "SELECT 1 FROM ai_models WHERE id = $1";

  private static final String TRENDS = "SELECT * FROM get_model_performance_trends($1) WHERE model_id = $2";

  private final Pool pool;

  public SessionRepository(Pool pool) {
    this.pool = pool;
  }

  /** A page of the caller's sessions, newest first, and the cursor of the next page (null at the end). */
  public Future<JsonObject> page(UUID userId, Cursor cursor, String operation, int limit) {
    return pool.preparedQuery(PAGE).execute(Tuple.from(new Object[] {userId, cursor == null ? null : cursor.createdAt(),
            cursor == null ? null : cursor.id(), operation, limit + 1}))
        .map(rows -> {
          JsonArray items = new JsonArray();
          Cursor next = null;
          for (Row r : rows) {
            if (items.size() == limit) {
              JsonObject last = items.getJsonObject(limit - 1);
              next = new Cursor(OffsetDateTime.parse(last.getString("createdAt")),
                  UUID.fromString(last.getString("id")));
              break;
            }
            items.add(session(r));
          }
          return new JsonObject().put("items", items).put("nextCursor", next == null ? null : next.encode());
        });
  }

  private static JsonObject session(Row r) {
    return new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("operation", r.getString("operation"))
        .put("model", r.getString("model_name"))
        .put("provider", r.getString("provider"))
        .put("status", r.getString("status"))
        .put("fallbackUsed", r.getBoolean("fallback_used"))
        .put("inputTokens", r.getInteger("input_tokens"))
        .put("outputTokens", r.getInteger("output_tokens"))
        .put("totalTokens", r.getInteger("total_tokens"))
        .put("latencyMs", r.getInteger("latency_ms"))
        .put("costEstimate", r.getBigDecimal("cost_estimate") == null ? null : r.getBigDecimal("cost_estimate").doubleValue())
        .put("error", r.getString("error_message"))
        .put("requestId", r.getUUID("request_id") == null ? null : r.getUUID("request_id").toString())
        .put("resumeId", r.getUUID("resume_id") == null ? null : r.getUUID("resume_id").toString())
        .put("createdAt", r.getOffsetDateTime("created_at").toString())
        .put("completedAt", r.getOffsetDateTime("completed_at") == null ? null
            : r.getOffsetDateTime("completed_at").toString());
  }

  public Future<JsonArray> stats(UUID userId) {
    return pool.preparedQuery(STATS).execute(Tuple.of(userId)).map(SessionRepository::rowsToJson);
  }

  public Future<JsonArray> models() {
    return pool.query(MODELS).execute().map(SessionRepository::rowsToJson);
  }

  /** The model's daily performance rows of the last {@code days} days; null when no such model exists. */
  public Future<JsonArray> performance(UUID modelId, int days) {
    return pool.preparedQuery(MODEL_EXISTS).execute(Tuple.of(modelId)).compose(found -> found.size() == 0
        ? Future.succeededFuture(null)
        : pool.preparedQuery(TRENDS).execute(Tuple.of(days, modelId)).map(SessionRepository::rowsToJson));
  }

  /** Rows as JSON objects with camelCase keys; numbers stay numbers, timestamps become ISO text. */
  public static JsonArray rowsToJson(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      out.add(rowToJson(r));
    }
    return out;
  }

  public static JsonObject rowToJson(Row r) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < r.size(); i++) {
      Object v = r.getValue(i);
      if (v instanceof BigDecimal d) {
        v = d.doubleValue();
      } else if (v instanceof Numeric n) {
        v = n.doubleValue();
      } else if (v instanceof UUID || v instanceof Temporal) {
        v = v.toString();
      } else if (v instanceof Object[] array) {
        v = new JsonArray(Arrays.asList(array));
      }
      o.put(camel(r.getColumnName(i)), v);
    }
    return o;
  }

  static String camel(String column) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
