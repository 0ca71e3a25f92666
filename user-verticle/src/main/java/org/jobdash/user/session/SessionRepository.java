package org.jobdash.user.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code user_sessions} and {@code refresh_tokens}. */
public final class SessionRepository {

  /** The seed's retention sweep of sessions, refresh tokens, reset and verification tokens. */
  private static final String CLEANUP = "SELECT cleanup_expired_auth_data() AS removed";

  /** Opens a session with its first refresh token and clears the login failures, in one statement. */
  private static final String OPEN = """
      WITH s AS (
        INSERT INTO user_sessions (user_id, ip_address, user_agent, expires_at, aal, amr)
        VALUES ($1, $2::text::inet, $3, now() + $4 * interval '1 second', $7, $8)
        RETURNING id, expires_at
      ), t AS (
        INSERT INTO refresh_tokens (user_id, session_id, token_hash, expires_at, ip_address, user_agent)
        SELECT $1, s.id, $5, LEAST(now() + $6 * interval '1 second', s.expires_at), $2::text::inet, $3 FROM s
      ), u AS (
        UPDATE users SET failed_login_attempts = 0, last_failed_login_at = NULL, locked_until = NULL,
                         last_login_at = now()
        WHERE id = $1
      )
      SELECT id FROM s""";

  /**
   * Rotates a refresh token in one statement: claims the presented token (only if unused, unrevoked and
   * unexpired, in a live session: of two concurrent rotations exactly one claims it), issues its successor
   * and touches the session. Always returns the presented token's row, with {@code rotated} telling whether
   * this call won.
   */
  public static final String ROTATE = """
      WITH target AS (
        SELECT t.id, t.session_id, t.user_id, t.used_at, t.revoked_at, t.expires_at,
               s.revoked_at AS session_revoked_at, s.expires_at AS session_expires_at, s.aal, s.amr
        FROM refresh_tokens t JOIN user_sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1
      ), claimed AS (
        UPDATE refresh_tokens r SET used_at = now(), replaced_by = $2
        FROM target
        WHERE r.id = target.id AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()
          AND target.session_revoked_at IS NULL AND target.session_expires_at > now()
        RETURNING r.id, r.session_id, r.user_id
      ), issued AS (
        INSERT INTO refresh_tokens (id, user_id, session_id, token_hash, parent_id, expires_at, ip_address, user_agent)
        SELECT $2, c.user_id, c.session_id, $3, c.id,
               LEAST(now() + $4 * interval '1 second', target.session_expires_at), $5::text::inet, $6
        FROM claimed c JOIN target ON target.id = c.id
        RETURNING id
      ), touched AS (
        UPDATE user_sessions s SET last_active_at = now()
        FROM claimed c WHERE s.id = c.session_id
      )
      SELECT target.id, target.session_id, target.user_id, target.used_at, target.revoked_at,
             target.expires_at <= now() AS expired,
             target.session_revoked_at IS NOT NULL OR target.session_expires_at <= now() AS session_ended,
             EXISTS (SELECT 1 FROM issued) AS rotated,
             u.roles, u.is_active, target.aal, target.amr
      FROM target JOIN users u ON u.id = target.user_id""";

  /** Ends sessions (one, or all of a user but an optional one) and revokes every token in them. */
  private static final String REVOKE = """
      WITH s AS (
        UPDATE user_sessions SET revoked_at = now(), revoked_reason = $4
        WHERE user_id = $1 AND revoked_at IS NULL
          AND ($2::uuid IS NULL OR id = $2) AND ($3::uuid IS NULL OR id <> $3)
        RETURNING id
      ), t AS (
        UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $4
        FROM s WHERE refresh_tokens.session_id = s.id AND refresh_tokens.revoked_at IS NULL
      )
      SELECT id FROM s""";

  /** Sessions revoked within the last $1 seconds: tokens of theirs may not have expired yet. */
  private static final String RECENTLY_REVOKED = """
      SELECT user_id, id FROM user_sessions
      WHERE revoked_at > now() - $1 * interval '1 second'
      LIMIT 100000""";

  private static final String ACTIVE = """
      SELECT id, host(ip_address) AS ip_address, user_agent, created_at, last_active_at, expires_at
      FROM user_sessions
      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
      ORDER BY last_active_at DESC, id
      LIMIT 200""";

  private static final String IS_ACTIVE = """
      SELECT 1 FROM user_sessions
      WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()""";

  /** A rotation's outcome, read from the presented token's row. */
  public record Rotation(UUID tokenId, UUID sessionId, UUID userId, boolean previouslyUsed, boolean revoked,
                         boolean expired, boolean sessionEnded, boolean rotated, List<String> roles,
                         boolean userActive, Assurance assurance) {}

  /** How a session's sign-in was authenticated: {@code aal1}/{@code aal2} and the methods (RFC 8176 names). */
  public record Assurance(String aal, List<String> amr) {
    public static final String AAL1 = "aal1";
    public static final String AAL2 = "aal2";
  }

  /** One live session as its owner sees it. */
  public record SessionView(UUID id, String ipAddress, String userAgent, OffsetDateTime createdAt,
                            OffsetDateTime lastActiveAt, OffsetDateTime expiresAt) {
    public JsonObject toJson(UUID current) {
      return new JsonObject()
          .put("id", id.toString())
          .put("ipAddress", ipAddress)
          .put("userAgent", userAgent)
          .put("createdAt", createdAt.toInstant().toString())
          .put("lastActiveAt", lastActiveAt.toInstant().toString())
          .put("expiresAt", expiresAt.toInstant().toString())
          .put("current", id.equals(current));
    }
  }

  private final SqlClient pool;
  private final PreparedQuery<RowSet<Row>> open;
  private final PreparedQuery<RowSet<Row>> rotate;
  private final PreparedQuery<RowSet<Row>> revoke;
  private final PreparedQuery<RowSet<Row>> isActive;

  public SessionRepository(SqlClient pool) {
    this.pool = pool;
    this.open = pool.preparedQuery(OPEN);
    this.rotate = pool.preparedQuery(ROTATE);
    this.revoke = pool.preparedQuery(REVOKE);
    this.isActive = pool.preparedQuery(IS_ACTIVE);
  }

  /** Opens a session for a successful login; returns its id. */
  public Future<UUID> open(UUID userId, String ip, String userAgent, Duration sessionTtl, byte[] refreshHash,
                           Duration refreshTtl, Assurance assurance) {
    return open.execute(Tuple.of(userId, ip, userAgent, sessionTtl.toSeconds(), refreshHash, refreshTtl.toSeconds(),
            assurance.aal(), assurance.amr().toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getUUID(0));
  }

  public Future<Optional<Rotation>> rotate(byte[] presentedHash, UUID newTokenId, byte[] newHash,
                                           Duration refreshTtl, String ip, String userAgent) {
    return rotate.execute(Tuple.of(presentedHash, newTokenId, newHash, refreshTtl.toSeconds(), ip, userAgent))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          String[] roles = r.getArrayOfStrings("roles");
          String[] amr = r.getArrayOfStrings("amr");
          return Optional.of(new Rotation(r.getUUID("id"), r.getUUID("session_id"), r.getUUID("user_id"),
              r.getOffsetDateTime("used_at") != null, r.getOffsetDateTime("revoked_at") != null,
              r.getBoolean("expired"), r.getBoolean("session_ended"), r.getBoolean("rotated"),
              roles == null ? List.of() : Arrays.asList(roles), r.getBoolean("is_active"),
              new Assurance(r.getString("aal"), amr == null ? List.of() : Arrays.asList(amr))));
        });
  }

  /** Revokes one session of a user; false when it is not theirs or already ended. */
  public Future<Boolean> revoke(UUID userId, UUID sessionId, String reason) {
    return revoke.execute(Tuple.of(userId, sessionId, null, reason)).map(rows -> rows.size() > 0);
  }

  /** Revokes every session of a user except {@code keep} (null: all); returns those that ended. */
  public Future<List<UUID>> revokeAll(UUID userId, UUID keep, String reason) {
    return revoke.execute(Tuple.of(userId, null, keep, reason)).map(SessionRepository::ids);
  }

  /** The sessions revoked within {@code within}, each as (user id, session id). */
  public Future<List<UUID[]>> recentlyRevoked(Duration within) {
    return pool.preparedQuery(RECENTLY_REVOKED).execute(Tuple.of(within.toSeconds())).map(rows -> {
      List<UUID[]> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new UUID[] {r.getUUID("user_id"), r.getUUID("id")});
      }
      return out;
    });
  }

  /** The first column of each row, as ids. */
  public static List<UUID> ids(RowSet<Row> rows) {
    List<UUID> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(r.getUUID(0));
    }
    return out;
  }

  public Future<List<SessionView>> active(UUID userId) {
    return pool.preparedQuery(ACTIVE).execute(Tuple.of(userId)).map(rows -> {
      List<SessionView> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new SessionView(r.getUUID("id"), r.getString("ip_address"), r.getString("user_agent"),
            r.getOffsetDateTime("created_at"), r.getOffsetDateTime("last_active_at"), r.getOffsetDateTime("expires_at")));
      }
      return out;
    });
  }

  /** How many rows of each kind the retention sweep removed. */
  public record Cleanup(long sessions, long refreshTokens, long passwordResets, long emailVerifications) {}

  /** Removes auth data past its retention (expired for 7 days, used, revoked or verified for 30). */
  public Future<Cleanup> cleanupExpired() {
    return pool.query(CLEANUP).execute().map(rows -> {
      JsonObject removed = (JsonObject) rows.iterator().next().getValue("removed");
      return new Cleanup(removed.getLong("sessions", 0L), removed.getLong("refresh_tokens", 0L),
          removed.getLong("password_resets", 0L), removed.getLong("email_verifications", 0L));
    });
  }

  public Future<Boolean> isActive(UUID sessionId, UUID userId) {
    return isActive.execute(Tuple.of(sessionId, userId)).map(rows -> rows.size() > 0);
  }
}
