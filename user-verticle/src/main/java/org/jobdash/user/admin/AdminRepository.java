package org.jobdash.user.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Arrays;

/** Read-only SQL over the seed's operator views. */
public final class AdminRepository {

  private static final String ACTIVE_SESSIONS = """
      SELECT user_id, email, username, active_sessions, last_activity, first_session_at, distinct_ip_count, user_agents
      FROM active_sessions_summary
      ORDER BY last_activity DESC
      LIMIT $1""";

  private static final String SEARCH_USERS = """
      SELECT id, email, username, full_name, title, location, years_experience, subscription_tier, email_verified,
             skills, desired_roles, profile_completeness, created_at
      FROM user_search_optimization
      WHERE $1::text IS NULL OR search_text LIKE '%' || $1 || '%' ESCAPE '\\'
      ORDER BY created_at DESC
      LIMIT $2""";

  private final Pool pool;

  public AdminRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonArray> activeSessions(int limit) {
    return pool.preparedQuery(ACTIVE_SESSIONS).execute(Tuple.of(limit)).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject()
            .put("userId", r.getUUID("user_id").toString())
            .put("email", r.getString("email"))
            .put("username", r.getString("username"))
            .put("activeSessions", r.getLong("active_sessions"))
            .put("lastActivity", r.getOffsetDateTime("last_activity").toInstant().toString())
            .put("firstSessionAt", r.getOffsetDateTime("first_session_at").toInstant().toString())
            .put("distinctIpCount", r.getLong("distinct_ip_count"))
            .put("userAgents", new JsonArray(Arrays.asList(r.getArrayOfStrings("user_agents")))));
      }
      return items;
    });
  }

  /** Users whose name, username, e-mail, title, location or skills contain {@code query} (case-insensitive). */
  public Future<JsonArray> searchUsers(String query, int limit) {
    String pattern = query == null ? null
        : query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return pool.preparedQuery(SEARCH_USERS).execute(Tuple.of(pattern, limit)).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject()
            .put("id", r.getUUID("id").toString())
            .put("email", r.getString("email"))
            .put("username", r.getString("username"))
            .put("fullName", r.getString("full_name"))
            .put("title", r.getString("title"))
            .put("location", r.getString("location"))
            .put("yearsExperience", r.getInteger("years_experience"))
            .put("subscriptionTier", r.getString("subscription_tier"))
            .put("emailVerified", r.getBoolean("email_verified"))
            .put("skills", r.getValue("skills"))
            .put("desiredRoles", new JsonArray(Arrays.asList(r.getArrayOfStrings("desired_roles"))))
            .put("profileCompleteness", r.getInteger("profile_completeness"))
            .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString()));
      }
      return items;
    });
  }
}
