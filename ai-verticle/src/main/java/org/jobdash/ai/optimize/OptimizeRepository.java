package org.jobdash.ai.optimize;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.ai.session.Cursor;
import org.jobdash.ai.session.SessionRepository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of templates, optimisation preferences, stored optimisations and their history, and the insights function. */
public final class OptimizeRepository {

  private static final String TEMPLATES = "SELECT " + Template.COLUMNS
      + " FROM optimization_templates WHERE is_active ORDER BY is_default DESC, category, name";
  private static final String TEMPLATE = "SELECT " + Template.COLUMNS
      + " FROM optimization_templates WHERE id = $1 AND is_active";
  private static final String DEFAULT_TEMPLATE = "SELECT " + Template.COLUMNS
      + " FROM optimization_templates WHERE is_active ORDER BY is_default DESC, name LIMIT 1";
  private static final String SETTINGS = "SELECT " + Settings.COLUMNS
      + " FROM user_optimization_preferences WHERE user_id = $1";
  private static final String SAVE_SETTINGS = """
      INSERT INTO user_optimization_preferences (user_id, preferred_template_id, tone, optimization_level, focus_areas,
                                                 preserve_sections, target_industry, target_roles, custom_keywords)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (user_id) DO UPDATE SET
        preferred_template_id = EXCLUDED.preferred_template_id, tone = EXCLUDED.tone,
        optimization_level = EXCLUDED.optimization_level, focus_areas = EXCLUDED.focus_areas,
        preserve_sections = EXCLUDED.preserve_sections, target_industry = EXCLUDED.target_industry,
        target_roles = EXCLUDED.target_roles, custom_keywords = EXCLUDED.custom_keywords
      RETURNING""" + " " + Settings.COLUMNS;
  private static final String INSERT_OPTIMIZATION = """
      INSERT INTO resume_optimizations (id, user_id, session_id, resume_id, template_id, original_content,
                                        optimized_content, job_description, target_role, changes, score_before,
                                        score_after, improvement, status)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'completed')""";
  private static final String INSERT_HISTORY = """
      INSERT INTO optimization_history (user_id, optimization_id, resume_id, template_id, session_id, action,
                                        score_before, score_after, improvement, model_name, changes_count)
      VALUES ($1, $2, $3, $4, $5, 'optimized', $6, $7, $8, $9, $10)""";
  private static final String USE_TEMPLATE = "UPDATE optimization_templates SET usage_count = usage_count + 1 WHERE id = $1";
  private static final String HISTORY = """
      SELECT h.id, h.optimization_id, h.resume_id, h.template_id, t.name AS template_name, h.session_id, h.action,
             h.score_before, h.score_after, h.improvement, h.model_name, h.changes_count, h.accepted, h.created_at
        FROM optimization_history h
        LEFT JOIN optimization_templates t ON t.id = h.template_id
       WHERE h.user_id = $1
         AND ($2::timestamptz IS NULL OR (h.created_at, h.id) < ($2::timestamptz, $3::uuid))
       ORDER BY h.created_at DESC, h.id DESC
       LIMIT $4""";
  private static final String HISTORY_STATS = "SELECT * FROM get_optimization_history_stats($1, $2)";
  private static final String INSIGHTS = "SELECT get_user_optimization_insights($1) AS insights";

  /** One stored optimisation. */
  public record Saved(UUID id, UUID userId, UUID sessionId, UUID resumeId, UUID templateId, String original,
                      String optimized, String jobDescription, String targetRole, JsonArray changes, double before,
                      double after, String model) {}

  private final Pool pool;

  public OptimizeRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Template>> templates() {
    return pool.query(TEMPLATES).execute().map(rows -> {
      List<Template> out = new ArrayList<>();
      rows.forEach(r -> out.add(Template.from(r)));
      return out;
    });
  }

  public Future<Optional<Template>> template(UUID id) {
    return pool.preparedQuery(TEMPLATE).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Template.from(rows.iterator().next())));
  }

  public Future<Template> defaultTemplate() {
    return pool.query(DEFAULT_TEMPLATE).execute().map(rows -> Template.from(rows.iterator().next()));
  }

  public Future<Optional<Settings>> settings(UUID userId) {
    return pool.preparedQuery(SETTINGS).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Settings.from(rows.iterator().next())));
  }

  public Future<Settings> saveSettings(UUID userId, Settings s) {
    return pool.preparedQuery(SAVE_SETTINGS).execute(Tuple.from(new Object[] {userId, s.preferredTemplateId(), s.tone(),
            s.level(), s.focusAreas().toArray(String[]::new), s.preserveSections().toArray(String[]::new),
            s.targetIndustry(), s.targetRoles().toArray(String[]::new), s.customKeywords().toArray(String[]::new)}))
        .map(rows -> Settings.from(rows.iterator().next()));
  }

  /** Stores the optimisation, its history entry and the template's use, on the caller's transaction. */
  public Future<Void> save(SqlClient conn, Saved o) {
    BigDecimal before = BigDecimal.valueOf(o.before());
    BigDecimal after = BigDecimal.valueOf(o.after());
    BigDecimal improvement = after.subtract(before);
    return conn.preparedQuery(INSERT_OPTIMIZATION).execute(Tuple.from(new Object[] {o.id(), o.userId(), o.sessionId(),
            o.resumeId(), o.templateId(), o.original(), o.optimized(), o.jobDescription(), o.targetRole(), o.changes(),
            before, after, improvement}))
        .compose(v -> conn.preparedQuery(INSERT_HISTORY).execute(Tuple.from(new Object[] {o.userId(), o.id(),
            o.resumeId(), o.templateId(), o.sessionId(), before, after, improvement, o.model(), o.changes().size()})))
        .compose(v -> o.templateId() == null ? Future.succeededFuture()
            : conn.preparedQuery(USE_TEMPLATE).execute(Tuple.of(o.templateId())))
        .mapEmpty();
  }

  public Future<JsonObject> history(UUID userId, Cursor cursor, int limit) {
    return pool.preparedQuery(HISTORY).execute(Tuple.from(new Object[] {userId,
            cursor == null ? null : cursor.createdAt(), cursor == null ? null : cursor.id(), limit + 1}))
        .map(rows -> {
          JsonArray items = new JsonArray();
          Cursor next = null;
          for (Row r : rows) {
            if (items.size() == limit) {
              JsonObject last = items.getJsonObject(limit - 1);
              next = new Cursor(OffsetDateTime.parse(last.getString("createdAt")), UUID.fromString(last.getString("id")));
              break;
            }
            items.add(SessionRepository.rowToJson(r));
          }
          return new JsonObject().put("items", items).put("nextCursor", next == null ? null : next.encode());
        });
  }

  public Future<JsonObject> historyStats(UUID userId, int days) {
    return pool.preparedQuery(HISTORY_STATS).execute(Tuple.of(userId, days))
        .map(rows -> SessionRepository.rowToJson(rows.iterator().next()));
  }

  public Future<JsonObject> insights(UUID userId) {
    return pool.preparedQuery(INSIGHTS).execute(Tuple.of(userId)).map(rows -> {
      Object v = rows.iterator().next().getValue("insights");
      return v instanceof JsonObject o ? o : new JsonObject();
    });
  }
}
