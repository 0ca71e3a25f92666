package org.jobdash.user.admin;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.stream.Collectors;

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

  public Future<List<ActiveSessions>> activeSessions(int limit) {
    return pool.preparedQuery(ACTIVE_SESSIONS).collecting(Collectors.mapping(ActiveSessions::from, Collectors.toList()))
        .execute(Tuple.of(limit)).map(SqlResult::value);
  }

  /** Users whose name, username, e-mail, title, location or skills contain {@code query} (case-insensitive). */
  public Future<List<UserSearchHit>> searchUsers(String query, int limit) {
    String pattern = query == null ? null
        : query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return pool.preparedQuery(SEARCH_USERS).collecting(Collectors.mapping(UserSearchHit::from, Collectors.toList()))
        .execute(Tuple.of(pattern, limit)).map(SqlResult::value);
  }
}
