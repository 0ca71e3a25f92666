package org.jobdash.user.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.user.session.SessionRepository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code users}, {@code email_verifications} and {@code password_resets}. */
public final class UserRepository {

  private static final String REGISTER = """
      WITH u AS (
        INSERT INTO users (email, username, password_hash, full_name, roles)
        VALUES ($1, $2, $3, $4, $5)
        RETURNING %s
      ), v AS (
        INSERT INTO email_verifications (user_id, email, token_hash, expires_at)
        SELECT id, email, $6, now() + $7 * interval '1 second' FROM u
      )
      SELECT * FROM u""".formatted(User.COLUMNS);

  private static final String BY_ID = "SELECT " + User.COLUMNS + " FROM users WHERE id = $1";

  /** Whether the row of {@code users} has a verified second factor, read with it. */
  private static final String SECOND_FACTOR = ", EXISTS (SELECT 1 FROM mfa_factors f"
      + " WHERE f.user_id = users.id AND f.status = 'verified') AS second_factor";

  /** The account a login names, and whether it has a verified second factor (in the same read). */
  private static final String BY_LOGIN = "SELECT " + User.COLUMNS + SECOND_FACTOR
      + " FROM users WHERE lower(email) = lower($1) OR lower(username) = lower($1) LIMIT 1";

  private static final String BY_ID_FOR_SIGN_IN = "SELECT " + User.COLUMNS + SECOND_FACTOR + " FROM users WHERE id = $1";

  private static final String BY_EMAIL = "SELECT " + User.COLUMNS + " FROM users WHERE lower(email) = lower($1)";

  /**
   * The caller's row, only while the session named by the token is alive (logout takes effect at once). Public:
   * the load test's floor runs the very same statement.
   */
  public static final String BY_ID_IN_SESSION = "SELECT " + User.COLUMNS.replaceAll("(^|, )", "$1u.")
      + " FROM users u JOIN user_sessions s ON s.user_id = u.id"
      + " WHERE u.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()";

  private static final String CHANGE_PASSWORD = """
      WITH u AS (
        UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1 RETURNING id
      ), s AS (
        UPDATE user_sessions SET revoked_at = now(), revoked_reason = 'password_changed'
        FROM u WHERE user_sessions.user_id = u.id AND user_sessions.revoked_at IS NULL
          AND user_sessions.id IS DISTINCT FROM $3
        RETURNING user_sessions.id
      ), t AS (
        UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'password_changed'
        FROM s WHERE refresh_tokens.session_id = s.id AND refresh_tokens.revoked_at IS NULL
      )
      SELECT id FROM s""";

  /** Deletes the account (its rows cascade) and records the deletion for the other services, atomically. */
  private static final String DELETE = """
      WITH d AS (DELETE FROM users WHERE id = $1 RETURNING id)
      INSERT INTO user_deletions (user_id, last_published_at, publish_count)
      SELECT id, now(), 1 FROM d
      ON CONFLICT (user_id) DO NOTHING
      RETURNING user_id""";

  private static final String CREATE_VERIFICATION = """
      INSERT INTO email_verifications (user_id, email, token_hash, expires_at)
      VALUES ($1, $2, $3, now() + $4 * interval '1 second')""";

  private static final String VERIFY_EMAIL = """
      WITH v AS (
        UPDATE email_verifications SET verified_at = now()
        WHERE token_hash = $1 AND verified_at IS NULL AND expires_at > now()
        RETURNING user_id, email
      )
      UPDATE users u SET email_verified = true, email_verified_at = now(),
        roles = CASE WHEN lower(u.email) = ANY($2::text[]) AND NOT 'admin' = ANY(u.roles)
                     THEN array_append(u.roles, 'admin') ELSE u.roles END
      FROM v WHERE u.id = v.user_id AND lower(u.email) = lower(v.email)
      RETURNING u.id""";

  private static final String CREATE_RESET = """
      INSERT INTO password_resets (user_id, token_hash, expires_at, ip_address)
      VALUES ($1, $2, now() + $3 * interval '1 second', $4::text::inet)""";

  private static final String RESET_OWNER = """
      SELECT u.id, u.email, u.username FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()""";

  /** Uses the token (and every other open reset of that user), sets the password, ends every session. */
  private static final String RESET_PASSWORD = """
      WITH r AS (
        UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id
      ), u AS (
        UPDATE users SET password_hash = $2, password_changed_at = now(), failed_login_attempts = 0,
                         last_failed_login_at = NULL, locked_until = NULL
        FROM r WHERE users.id = r.user_id RETURNING users.id
      ), others AS (
        UPDATE password_resets p SET used_at = now()
        FROM u WHERE p.user_id = u.id AND p.used_at IS NULL AND p.token_hash <> $1
      ), s AS (
        UPDATE user_sessions SET revoked_at = now(), revoked_reason = 'password_reset'
        FROM u WHERE user_sessions.user_id = u.id AND user_sessions.revoked_at IS NULL
        RETURNING user_sessions.id
      ), t AS (
        UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'password_reset'
        FROM s WHERE refresh_tokens.session_id = s.id AND refresh_tokens.revoked_at IS NULL
      )
      SELECT id, ARRAY(SELECT id FROM s) AS sessions FROM u""";

  /** Enables or disables an account; disabling ends every session and revokes its tokens, in one statement. */
  private static final String SET_ACTIVE = """
      WITH u AS (
        UPDATE users SET is_active = $2 WHERE id = $1 RETURNING %s
      ), s AS (
        UPDATE user_sessions SET revoked_at = now(), revoked_reason = 'account_disabled'
        FROM u WHERE NOT $2 AND user_sessions.user_id = u.id AND user_sessions.revoked_at IS NULL
        RETURNING user_sessions.id
      ), t AS (
        UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'account_disabled'
        FROM s WHERE refresh_tokens.session_id = s.id AND refresh_tokens.revoked_at IS NULL
      )
      SELECT u.*, ARRAY(SELECT id FROM s) AS ended_sessions FROM u""".formatted(User.COLUMNS);

  private static final String SET_SUBSCRIPTION = "UPDATE users SET subscription_tier = $2, subscription_expires_at = $3"
      + " WHERE id = $1 RETURNING " + User.COLUMNS;

  /** Columns a user may change on themself, by the JSON field that carries them. */
  public static final Map<String, String> EDITABLE = Map.ofEntries(
      Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("fullName", "full_name"),
      Map.entry("title", "title"), Map.entry("yearsExperience", "years_experience"),
      Map.entry("education", "education"), Map.entry("phone", "phone"), Map.entry("location", "location"),
      Map.entry("linkedinUrl", "linkedin_url"), Map.entry("githubUrl", "github_url"),
      Map.entry("portfolioUrl", "portfolio_url"), Map.entry("bio", "bio"));

  private final SqlClient pool;
  private final PreparedQuery<RowSet<Row>> byId;
  private final PreparedQuery<RowSet<Row>> byIdInSession;

  public UserRepository(SqlClient pool) {
    this.pool = pool;
    this.byId = pool.preparedQuery(BY_ID);
    this.byIdInSession = pool.preparedQuery(BY_ID_IN_SESSION);
  }

  public Future<User> register(String email, String username, String passwordHash, String fullName,
                               List<String> roles, byte[] verificationHash, Duration verificationTtl) {
    return pool.preparedQuery(REGISTER)
        .execute(Tuple.of(email, username, passwordHash, fullName, roles.toArray(String[]::new), verificationHash,
            verificationTtl.toSeconds()))
        .map(rows -> User.from(rows.iterator().next()));
  }

  public Future<Optional<User>> findById(UUID id) {
    return byId.execute(Tuple.of(id)).map(UserRepository::first);
  }

  public Future<Optional<User>> findInSession(UUID id, UUID sessionId) {
    return byIdInSession.execute(Tuple.of(id, sessionId)).map(UserRepository::first);
  }

  /** An account at sign-in: it, and whether it has a verified second factor. */
  public record SignInAccount(User user, boolean secondFactor) {}

  public Future<Optional<SignInAccount>> findByLogin(String login) {
    return pool.preparedQuery(BY_LOGIN).execute(Tuple.of(login)).map(UserRepository::signIn);
  }

  /** The account by id at sign-in (a provider's, whose password is not asked), with its second factor. */
  public Future<Optional<SignInAccount>> findForSignIn(UUID id) {
    return pool.preparedQuery(BY_ID_FOR_SIGN_IN).execute(Tuple.of(id)).map(UserRepository::signIn);
  }

  private static Optional<SignInAccount> signIn(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new SignInAccount(User.from(row), row.getBoolean("second_factor")));
  }

  public Future<Optional<User>> findByEmail(String email) {
    return pool.preparedQuery(BY_EMAIL).execute(Tuple.of(email)).map(UserRepository::first);
  }

  /** The e-mail and username of the user a reset token belongs to, which the new password must not contain. */
  public record ResetOwner(UUID id, String email, String username) {}

  /** Updates the given columns (names from {@link #EDITABLE} only) and returns the new row. */
  public Future<Optional<User>> update(UUID id, Map<String, Object> changes) {
    if (changes.isEmpty()) {
      return findById(id);
    }
    StringBuilder sql = new StringBuilder("UPDATE users SET ");
    List<Object> values = new ArrayList<>();
    values.add(id);
    for (var change : changes.entrySet()) {
      if (!EDITABLE.containsValue(change.getKey())) {
        throw new IllegalArgumentException("not an editable column: " + change.getKey());
      }
      values.add(change.getValue());
      sql.append(values.size() > 2 ? ", " : "").append(change.getKey()).append(" = $").append(values.size());
      if (change.getValue() instanceof JsonArray) {
        sql.append("::jsonb");
      }
    }
    sql.append(" WHERE id = $1 RETURNING ").append(User.COLUMNS);
    return pool.preparedQuery(sql.toString()).execute(Tuple.from(values)).map(UserRepository::first);
  }

  /** Sets a new password hash and ends every session but {@code keepSession}, in one statement; returns those ended. */
  public Future<List<UUID>> changePassword(UUID id, String passwordHash, UUID keepSession) {
    return pool.preparedQuery(CHANGE_PASSWORD).execute(Tuple.of(id, passwordHash, keepSession))
        .map(SessionRepository::ids);
  }

  /** A reset's account and the sessions it ended. */
  public record Reset(UUID userId, List<UUID> endedSessions) {}

  public Future<Boolean> delete(UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
  }

  public Future<Void> createVerification(UUID userId, String email, byte[] tokenHash, Duration ttl) {
    return pool.preparedQuery(CREATE_VERIFICATION).execute(Tuple.of(userId, email, tokenHash, ttl.toSeconds()))
        .mapEmpty();
  }

  /**
   * Marks the e-mail of the token's user verified, granting {@code admin} when the address is one of
   * {@code bootstrapAdmins} (lower-cased): only a verified address is an operator. Empty when the token is unknown,
   * used or expired.
   */
  public Future<Optional<UUID>> verifyEmail(byte[] tokenHash, List<String> bootstrapAdmins) {
    return pool.preparedQuery(VERIFY_EMAIL)
        .execute(Tuple.of(tokenHash).addArrayOfString(bootstrapAdmins.toArray(String[]::new)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Future<Void> createReset(UUID userId, byte[] tokenHash, Duration ttl, String ip) {
    return pool.preparedQuery(CREATE_RESET).execute(Tuple.of(userId, tokenHash, ttl.toSeconds(), ip)).mapEmpty();
  }

  /** The owner of a usable reset token; empty when the token is unknown, used or expired. */
  public Future<Optional<ResetOwner>> resetOwner(byte[] tokenHash) {
    return pool.preparedQuery(RESET_OWNER).execute(Tuple.of(tokenHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new ResetOwner(row.getUUID("id"), row.getString("email"), row.getString("username")));
    });
  }

  /** Applies a reset; empty when the token was used meanwhile (only one of two concurrent resets wins). */
  public Future<Optional<Reset>> resetPassword(byte[] tokenHash, String passwordHash) {
    return pool.preparedQuery(RESET_PASSWORD).execute(Tuple.of(tokenHash, passwordHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      UUID[] sessions = row.getArrayOfUUIDs("sessions");
      return Optional.of(new Reset(row.getUUID("id"), sessions == null ? List.of() : List.of(sessions)));
    });
  }

  /** An account enabled or disabled, and the sessions disabling it ended. */
  public record ActiveChange(User user, List<UUID> endedSessions) {}

  public Future<Optional<ActiveChange>> setActive(UUID id, boolean active) {
    return pool.preparedQuery(SET_ACTIVE).execute(Tuple.of(id, active)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      UUID[] ended = row.getArrayOfUUIDs("ended_sessions");
      return Optional.of(new ActiveChange(User.from(row), ended == null ? List.of() : List.of(ended)));
    });
  }

  public Future<Optional<User>> setSubscription(UUID id, String tier, OffsetDateTime expiresAt) {
    return pool.preparedQuery(SET_SUBSCRIPTION).execute(Tuple.of(id, tier, expiresAt)).map(UserRepository::first);
  }

  private static Optional<User> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(User.from(rows.iterator().next()));
  }
}
