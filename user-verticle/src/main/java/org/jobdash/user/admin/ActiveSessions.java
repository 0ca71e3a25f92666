package org.jobdash.user.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One row of {@code active_sessions_summary}: a user's live sessions, for operators. */
public record ActiveSessions(UUID userId, String email, String username, long activeSessions,
                             OffsetDateTime lastActivity, OffsetDateTime firstSessionAt, long distinctIpCount,
                             List<String> userAgents) {

  static ActiveSessions from(Row r) {
    return new ActiveSessions(r.getUUID("user_id"), r.getString("email"), r.getString("username"),
        r.getLong("active_sessions"), r.getOffsetDateTime("last_activity"), r.getOffsetDateTime("first_session_at"),
        r.getLong("distinct_ip_count"), List.of(r.getArrayOfStrings("user_agents")));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId.toString())
        .put("email", email)
        .put("username", username)
        .put("activeSessions", activeSessions)
        .put("lastActivity", Rows.iso(lastActivity))
        .put("firstSessionAt", Rows.iso(firstSessionAt))
        .put("distinctIpCount", distinctIpCount)
        .put("userAgents", new JsonArray(userAgents));
  }
}
