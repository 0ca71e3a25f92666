package org.jobdash.user.mfa;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code mfa_factors}, {@code mfa_recovery_codes} and {@code mfa_challenges}. */
public final class MfaRepository {

  /** A new factor replaces the account's earlier unverified ones. */
  private static final String CREATE = """
      WITH gone AS (DELETE FROM mfa_factors WHERE user_id = $1 AND status = 'unverified')
      INSERT INTO mfa_factors (id, user_id, secret_encrypted) VALUES ($2, $1, $3)
      RETURNING id, factor_type, status, created_at, verified_at""";

  private static final String LIST = """
      SELECT id, factor_type, status, created_at, verified_at FROM mfa_factors
      WHERE user_id = $1 ORDER BY created_at, id""";

  private static final String HAS_VERIFIED = """
      SELECT EXISTS (SELECT 1 FROM mfa_factors WHERE user_id = $1 AND status = 'verified')""";

  private static final String SECRET = """
      SELECT id, status, secret_encrypted FROM mfa_factors WHERE id = $1 AND user_id = $2""";

  /** Ends the user's sessions but $5 for reason $6, and every token in them; appended to a statement with f. */
  private static final String END_OTHER_SESSIONS = """
      s AS (
        UPDATE user_sessions SET revoked_at = now(), revoked_reason = $6
        FROM f WHERE user_sessions.user_id = f.user_id AND f.ends_sessions AND user_sessions.revoked_at IS NULL
          AND user_sessions.id IS DISTINCT FROM $5
        RETURNING user_sessions.id
      ), t AS (
        UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $6
        FROM s WHERE refresh_tokens.session_id = s.id AND refresh_tokens.revoked_at IS NULL
      )""";

  /**
   * Enrolment, in one statement: the factor is verified with the step of its first code (which is thereby spent),
   * the account's recovery codes are replaced by $4, and its other sessions end.
   */
  private static final String VERIFY = """
      WITH f AS (
        UPDATE mfa_factors SET status = 'verified', verified_at = now(), last_used_step = $3
        WHERE id = $1 AND user_id = $2 AND status = 'unverified'
        RETURNING user_id, true AS ends_sessions
      ), old AS (
        DELETE FROM mfa_recovery_codes r USING f WHERE r.user_id = f.user_id
      ), codes AS (
        INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT f.user_id, h FROM f, unnest($4::bytea[]) AS h
      ), %s
      SELECT (SELECT count(*) FROM f) AS changed, ARRAY(SELECT id FROM s) AS ended""".formatted(END_OTHER_SESSIONS);

  /**
   * Removal, in one statement, proven by a code of step $3 newer than any accepted (null: none) or by the unused
   * recovery code $4 (null: none; it is spent, deleted with the factor): the factor goes, and when it was verified
   * so do all the account's recovery codes and its other sessions.
   */
  private static final String REMOVE = """
      WITH rc AS (
        SELECT user_id FROM mfa_recovery_codes
        WHERE $4::bytea IS NOT NULL AND user_id = $2 AND code_hash = $4 AND used_at IS NULL
        FOR UPDATE
      ), f AS (
        DELETE FROM mfa_factors
        WHERE id = $1 AND user_id = $2
          AND (($3::bigint IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $3)) OR EXISTS (SELECT 1 FROM rc))
        RETURNING user_id, status = 'verified' AS ends_sessions
      ), codes AS (
        DELETE FROM mfa_recovery_codes r USING f
        WHERE r.user_id = f.user_id AND (f.ends_sessions OR r.code_hash = $4)
      ), %s
      SELECT (SELECT count(*) FROM f) AS changed, ARRAY(SELECT id FROM s) AS ended""".formatted(END_OTHER_SESSIONS);

  private static final String OPEN_CHALLENGE = """
      INSERT INTO mfa_challenges (token_hash, user_id, amr, expires_at)
      VALUES ($1, $2, $3, now() + $4 * interval '1 second')""";

  /** The live challenge and the verified factor of its account. */
  private static final String CHALLENGE = """
      SELECT c.user_id, f.id AS factor_id, f.secret_encrypted
      FROM mfa_challenges c
      LEFT JOIN mfa_factors f ON f.user_id = c.user_id AND f.status = 'verified'
      WHERE c.token_hash = $1 AND c.expires_at > now()""";

  /**
   * Spends a code of step $3 for the challenge $1 and its factor $2, in one statement: only a step newer than any
   * accepted one moves the factor on, and only then is the challenge consumed. Returns the challenge's methods.
   */
  private static final String PASS_WITH_CODE = """
      WITH f AS (
        UPDATE mfa_factors SET last_used_step = $3
        WHERE id = $2 AND status = 'verified' AND (last_used_step IS NULL OR last_used_step < $3)
          AND user_id = (SELECT user_id FROM mfa_challenges WHERE token_hash = $1 AND expires_at > now())
        RETURNING user_id
      ), c AS (
        DELETE FROM mfa_challenges m USING f WHERE m.token_hash = $1 AND m.user_id = f.user_id
        RETURNING m.user_id, m.amr
      )
      SELECT user_id, amr FROM c""";

  /** Spends the unused recovery code $2 for the challenge $1 and consumes the challenge, in one statement. */
  private static final String PASS_WITH_RECOVERY_CODE = """
      WITH rc AS (
        UPDATE mfa_recovery_codes SET used_at = now()
        WHERE code_hash = $2 AND used_at IS NULL
          AND user_id = (SELECT user_id FROM mfa_challenges WHERE token_hash = $1 AND expires_at > now())
        RETURNING user_id
      ), c AS (
        DELETE FROM mfa_challenges m USING rc WHERE m.token_hash = $1 AND m.user_id = rc.user_id
        RETURNING m.user_id, m.amr
      )
      SELECT user_id, amr FROM c""";

  private static final String SWEEP = "DELETE FROM mfa_challenges WHERE expires_at < now() - interval '1 day'";

  /** A factor as its owner sees it. */
  public record Factor(UUID id, String type, String status, OffsetDateTime createdAt, OffsetDateTime verifiedAt) {
    static Factor from(Row r) {
      return new Factor(r.getUUID("id"), r.getString("factor_type"), r.getString("status"),
          r.getOffsetDateTime("created_at"), r.getOffsetDateTime("verified_at"));
    }
  }

  /** A factor's sealed secret. */
  public record Sealed(UUID id, String status, byte[] secret) {}

  /** A live challenge: its account and that account's verified factor (null id when it has none any more). */
  public record Challenge(UUID userId, UUID factorId, byte[] secret) {}

  /** A passed challenge: whose, and the methods of its first factor. */
  public record Passed(UUID userId, List<String> amr) {}

  /** The outcome of an enrolment or removal: whether the factor changed, and the sessions that ended. */
  public record Change(boolean changed, List<UUID> endedSessions) {}

  private final SqlClient client;
  private final PreparedQuery<RowSet<Row>> hasVerified;
  private final PreparedQuery<RowSet<Row>> openChallenge;

  public MfaRepository(SqlClient client) {
    this.client = client;
    this.hasVerified = client.preparedQuery(HAS_VERIFIED);
    this.openChallenge = client.preparedQuery(OPEN_CHALLENGE);
  }

  public Future<Factor> create(UUID userId, UUID factorId, byte[] sealedSecret) {
    return client.preparedQuery(CREATE).execute(Tuple.of(userId, factorId, sealedSecret))
        .map(rows -> Factor.from(rows.iterator().next()));
  }

  public Future<List<Factor>> list(UUID userId) {
    return client.preparedQuery(LIST).execute(Tuple.of(userId)).map(rows -> {
      List<Factor> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(Factor.from(r)));
      return out;
    });
  }

  public Future<Boolean> hasVerified(UUID userId) {
    return hasVerified.execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getBoolean(0));
  }

  public Future<Optional<Sealed>> secret(UUID factorId, UUID userId) {
    return client.preparedQuery(SECRET).execute(Tuple.of(factorId, userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Sealed(r.getUUID("id"), r.getString("status"), bytes(r, "secret_encrypted")));
    });
  }

  public Future<Change> verify(UUID factorId, UUID userId, long step, List<byte[]> recoveryHashes, UUID keepSession) {
    Buffer[] hashes = recoveryHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    return client.preparedQuery(VERIFY)
        .execute(Tuple.of(factorId, userId, step, hashes, keepSession, "mfa_enrolled"))
        .map(MfaRepository::change);
  }

  /** @param step a code's step, or null; @param recoveryHash a recovery code's digest, or null */
  public Future<Change> remove(UUID factorId, UUID userId, Long step, byte[] recoveryHash, UUID keepSession) {
    return client.preparedQuery(REMOVE)
        .execute(Tuple.of(factorId, userId, step, recoveryHash, keepSession, "mfa_removed"))
        .map(MfaRepository::change);
  }

  public Future<Void> openChallenge(byte[] tokenHash, UUID userId, List<String> amr, Duration ttl) {
    return openChallenge.execute(Tuple.of(tokenHash, userId, amr.toArray(String[]::new), ttl.toSeconds()))
        .mapEmpty();
  }

  public Future<Optional<Challenge>> challenge(byte[] tokenHash) {
    return client.preparedQuery(CHALLENGE).execute(Tuple.of(tokenHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Challenge(r.getUUID("user_id"), r.getUUID("factor_id"), bytes(r, "secret_encrypted")));
    });
  }

  public Future<Optional<Passed>> passWithCode(byte[] tokenHash, UUID factorId, long step) {
    return client.preparedQuery(PASS_WITH_CODE).execute(Tuple.of(tokenHash, factorId, step))
        .map(MfaRepository::passed);
  }

  public Future<Optional<Passed>> passWithRecoveryCode(byte[] tokenHash, byte[] recoveryHash) {
    return client.preparedQuery(PASS_WITH_RECOVERY_CODE).execute(Tuple.of(tokenHash, recoveryHash))
        .map(MfaRepository::passed);
  }

  /** Drops challenges expired for a day; returns how many. */
  public Future<Integer> sweep() {
    return client.query(SWEEP).execute().map(RowSet::rowCount);
  }

  private static Optional<Passed> passed(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new Passed(r.getUUID("user_id"), Arrays.asList(r.getArrayOfStrings("amr"))));
  }

  private static Change change(RowSet<Row> rows) {
    Row r = rows.iterator().next();
    UUID[] ended = r.getArrayOfUUIDs("ended");
    return new Change(r.getLong("changed") > 0, ended == null ? List.of() : Arrays.asList(ended));
  }

  private static byte[] bytes(Row r, String column) {
    Buffer b = r.getBuffer(column);
    return b == null ? null : b.getBytes();
  }
}
