package org.jobdash.ai.optimize;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.db.Page;
import org.jobdash.common.db.Rows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of templates, optimisation preferences, stored optimisations and their history, and the insights function. */
public final class OptimizeRepository {

  private static final String TEMPLATE_COLUMNS = "id, name, category, industry, description, target_roles, "
      + "instructions, rules, is_default, usage_count";
  private static final String SETTINGS_COLUMNS = "preferred_template_id, tone, optimization_level, focus_areas, "
      + "preserve_sections, target_industry, target_roles, custom_keywords";

  private static final String TEMPLATES = "SELECT " + TEMPLATE_COLUMNS
      + " FROM optimization_templates WHERE is_active ORDER BY is_default DESC, category, name";
  private static final String TEMPLATE = "SELECT " + TEMPLATE_COLUMNS
      + " FROM optimization_templates WHERE id = $1 AND is_active";
  private static final String DEFAULT_TEMPLATE = "SELECT " + TEMPLATE_COLUMNS
      + " FROM optimization_templates WHERE is_active ORDER BY is_default DESC, name LIMIT 1";
  private static final String SETTINGS = "SELECT " + SETTINGS_COLUMNS
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
      RETURNING""" + " " + SETTINGS_COLUMNS;
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
      rows.forEach(r -> out.add(template(r)));
      return out;
    });
  }

  public Future<Optional<Template>> template(UUID id) {
    return pool.preparedQuery(TEMPLATE).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(template(rows.iterator().next())));
  }

  public Future<Template> defaultTemplate() {
    return pool.query(DEFAULT_TEMPLATE).execute().map(rows -> template(rows.iterator().next()));
  }

  public Future<Optional<Settings>> settings(UUID userId) {
    return pool.preparedQuery(SETTINGS).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(settings(rows.iterator().next())));
  }

  public Future<Settings> saveSettings(UUID userId, Settings s) {
    return pool.preparedQuery(SAVE_SETTINGS).execute(Tuple.from(new Object[] {userId, s.preferredTemplateId(), s.tone(),
            s.level(), s.focusAreas().toArray(String[]::new), s.preserveSections().toArray(String[]::new),
            s.targetIndustry(), s.targetRoles().toArray(String[]::new), s.customKeywords().toArray(String[]::new)}))
        .map(rows -> settings(rows.iterator().next()));
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

  /** A page of the caller's history, newest first. */
  public Future<Page<HistoryEntry>> history(UUID userId, KeysetCursor after, int limit) {
    return pool.preparedQuery(HISTORY).execute(Tuple.from(new Object[] {userId,
            after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1}))
        .map(rows -> {
          List<HistoryEntry> read = new ArrayList<>(rows.size());
          rows.forEach(r -> read.add(new HistoryEntry(r.getUUID("id"), r.getUUID("optimization_id"),
              r.getUUID("resume_id"), r.getUUID("template_id"), r.getString("template_name"), r.getUUID("session_id"),
              r.getString("action"), Rows.number(r, "score_before"), Rows.number(r, "score_after"),
              Rows.number(r, "improvement"), r.getString("model_name"), r.getInteger("changes_count"),
              r.getBoolean("accepted"), r.getOffsetDateTime("created_at"))));
          return Page.of(read, limit, HistoryEntry::position);
        });
  }

  public Future<HistoryStats> historyStats(UUID userId, int days) {
    return pool.preparedQuery(HISTORY_STATS).execute(Tuple.of(userId, days)).map(rows -> {
      Row r = rows.iterator().next();
      Map<String, Long> actions = new LinkedHashMap<>();
      if (r.getValue("actions") instanceof JsonObject perAction) {
        perAction.forEach(e -> actions.put(e.getKey(), ((Number) e.getValue()).longValue()));
      }
      List<HistoryStats.Day> active = new ArrayList<>();
      if (r.getValue("daily_activity") instanceof JsonArray daily) {
        for (int i = 0; i < daily.size(); i++) {
          JsonObject d = daily.getJsonObject(i);
          active.add(new HistoryStats.Day(d.getString("date"), count(d, "entries"), count(d, "accepted"),
              decimal(d, "avg_improvement")));
        }
      }
      return new HistoryStats(r.getLong("total_entries"), r.getLong("distinct_optimizations"),
          r.getLong("distinct_resumes"), r.getLong("distinct_users"), r.getLong("accepted_count"),
          r.getLong("rejected_count"), r.getLong("undecided_count"), Rows.number(r, "acceptance_rate"),
          Rows.number(r, "avg_improvement"), Rows.number(r, "max_improvement"), Rows.number(r, "avg_score_before"),
          Rows.number(r, "avg_score_after"), Rows.number(r, "avg_changes_count"), r.getLong("templates_used"),
          r.getUUID("most_used_template_id"), r.getString("most_used_template_name"), actions, List.copyOf(active),
          r.getOffsetDateTime("period_start"), r.getOffsetDateTime("period_end"));
    });
  }

  public Future<Insights> insights(UUID userId) {
    return pool.preparedQuery(INSIGHTS).execute(Tuple.of(userId))
        .map(rows -> insights((JsonObject) rows.iterator().next().getValue("insights")));
  }

  /** The document {@code get_user_optimization_insights} builds (every key is always there, some null). */
  private static Insights insights(JsonObject o) {
    JsonObject p = o.getJsonObject("preferences");
    JsonObject t = o.getJsonObject("trend");
    return new Insights(uuid(o, "user_id"), count(o, "total_optimizations"), count(o, "completed_optimizations"),
        count(o, "failed_optimizations"), count(o, "resumes_optimized"), decimal(o, "avg_improvement"),
        decimal(o, "best_improvement"), decimal(o, "avg_score_before"), decimal(o, "avg_score_after"),
        time(o, "last_optimization_at"), templateUse(o.getJsonObject("best_template")),
        templateUse(o.getJsonObject("most_used_template")), count(o, "history_entries"), count(o, "accepted_count"),
        count(o, "rejected_count"), decimal(o, "acceptance_rate"),
        p == null ? null : new Insights.StoredPreferences(uuid(p, "preferred_template_id"),
            p.getString("preferred_template_name"), p.getString("tone"), p.getString("optimization_level"),
            strings(p, "focus_areas"), strings(p, "preserve_sections"), p.getString("target_industry"),
            strings(p, "target_roles"), strings(p, "custom_keywords"), time(p, "updated_at")),
        new Insights.Trend(count(t, "last_30_days_count"), decimal(t, "last_30_days_avg_improvement"),
            count(t, "previous_30_days_count"), decimal(t, "previous_30_days_avg_improvement"),
            t.getString("direction")));
  }

  private static Insights.TemplateUse templateUse(JsonObject o) {
    return o == null ? null : new Insights.TemplateUse(uuid(o, "template_id"), o.getString("name"), count(o, "uses"),
        decimal(o, "avg_improvement"));
  }

  private static Template template(Row r) {
    return new Template(r.getUUID("id"), r.getString("name"), r.getString("category"), r.getString("industry"),
        r.getString("description"), strings(r, "target_roles"), r.getString("instructions"),
        r.getValue("rules") instanceof JsonObject o ? o : new JsonObject(), Boolean.TRUE.equals(r.getBoolean("is_default")),
        r.getInteger("usage_count"));
  }

  private static Settings settings(Row r) {
    return new Settings(r.getUUID("preferred_template_id"), r.getString("tone"), r.getString("optimization_level"),
        strings(r, "focus_areas"), strings(r, "preserve_sections"), r.getString("target_industry"),
        strings(r, "target_roles"), strings(r, "custom_keywords"), true, true);
  }

  private static List<String> strings(Row r, String column) {
    String[] v = r.getArrayOfStrings(column);
    return v == null ? List.of() : Arrays.asList(v);
  }

  private static List<String> strings(JsonObject o, String key) {
    JsonArray a = o.getJsonArray(key);
    List<String> out = new ArrayList<>();
    if (a != null) {
      a.forEach(v -> out.add(String.valueOf(v)));
    }
    return List.copyOf(out);
  }

  private static long count(JsonObject o, String key) {
    Number n = o.getNumber(key);
    return n == null ? 0 : n.longValue();
  }

  private static Double decimal(JsonObject o, String key) {
    Number n = o.getNumber(key);
    return n == null ? null : n.doubleValue();
  }

  private static UUID uuid(JsonObject o, String key) {
    String s = o.getString(key);
    return s == null ? null : UUID.fromString(s);
  }

  /** A timestamp as PostgreSQL writes it into JSON ({@code 2026-12-01T22:22:27.123456+00:00}). */
  private static OffsetDateTime time(JsonObject o, String key) {
    String s = o.getString(key);
    return s == null ? null : OffsetDateTime.parse(s);
  }
}
