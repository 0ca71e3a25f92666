package org.jobdash.user.oidc;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code oidc_states}, {@code user_identities} and {@code oidc_exchange_codes}. */
public final class OidcRepository {

  private static final String SAVE_STATE = """
      INSERT INTO oidc_states (state_hash, provider, redirect_uri, client_state, code_verifier_encrypted, nonce_hash,
                               expires_at)
      VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 second')""";

  /** A state is consumed by its first callback, live or not. */
  private static final String TAKE_STATE = """
      DELETE FROM oidc_states WHERE state_hash = $1 AND provider = $2
      RETURNING redirect_uri, client_state, code_verifier_encrypted, nonce_hash, expires_at > now() AS live""";

  private static final String BY_IDENTITY = """
      UPDATE user_identities SET last_sign_in_at = now(), email = coalesce($3, email)
      WHERE provider = $1 AND subject = $2 RETURNING user_id""";

  private static final String BY_EMAIL = "SELECT id, email_verified FROM users WHERE lower(email) = lower($1)";

  private static final String LINK = """
      INSERT INTO user_identities (user_id, provider, subject, email) VALUES ($1, $2, $3, $4)""";

  private static final String CREATE_USER = """
      INSERT INTO users (email, username, password_hash, full_name, roles, email_verified, email_verified_at)
      VALUES ($1, $2, NULL, $3, '{user}', $4, CASE WHEN $4 THEN now() END)
      RETURNING id""";

  private static final String SAVE_CODE = """
      INSERT INTO oidc_exchange_codes (code_hash, user_id, provider, expires_at)
      VALUES ($1, $2, $3, now() + $4 * interval '1 second')""";

  /** A code is spent by its first exchange, live or not. */
  private static final String TAKE_CODE = """
      DELETE FROM oidc_exchange_codes WHERE code_hash = $1 RETURNING user_id, expires_at > now() AS live""";

  private static final String IDENTITIES = """
      SELECT provider, email, created_at, last_sign_in_at FROM user_identities
      WHERE user_id = $1 ORDER BY created_at, provider LIMIT 100""";

  private static final String SWEEP = """
      WITH s AS (DELETE FROM oidc_states WHERE expires_at < now() - interval '1 day' RETURNING 1),
           c AS (DELETE FROM oidc_exchange_codes WHERE expires_at < now() - interval '1 day' RETURNING 1)
      SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM c)""";

  /** A pending authorisation request, as its callback finds it. */
  public record PendingState(String redirectUri, String clientState, byte[] sealedVerifier, byte[] nonceHash,
                             boolean live) {}

  /** What the provider said about the person. */
  public record Claims(String provider, String subject, String email, boolean emailVerified, String name) {}

  /** How the sign-in found its account. */
  public enum Outcome { SIGNED_IN, LINKED, CREATED, EMAIL_TAKEN }

  public record Resolved(Outcome outcome, UUID userId) {}

  /** A linked provider as its owner sees it. */
  public record Identity(String provider, String email, OffsetDateTime createdAt, OffsetDateTime lastSignInAt) {}

  private final Pool pool;

  public OidcRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> saveState(byte[] stateHash, String provider, String redirectUri, String clientState,
                                byte[] sealedVerifier, byte[] nonceHash, Duration ttl) {
    return pool.preparedQuery(SAVE_STATE).execute(Tuple.of(stateHash, provider, redirectUri, clientState,
        sealedVerifier, nonceHash, ttl.toSeconds())).mapEmpty();
  }

  public Future<Optional<PendingState>> takeState(byte[] stateHash, String provider) {
    return pool.preparedQuery(TAKE_STATE).execute(Tuple.of(stateHash, provider)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new PendingState(r.getString("redirect_uri"), r.getString("client_state"),
          r.getBuffer("code_verifier_encrypted").getBytes(), r.getBuffer("nonce_hash").getBytes(),
          r.getBoolean("live")));
    });
  }

  /**
   * In one transaction: the account linked to the provider's subject; else the account whose address the
   * provider verified, when we verified it too (then linked); else a new account (verified when the provider
   * says so), linked. An address of ours not verified on both sides is {@link Outcome#EMAIL_TAKEN}, nothing
   * written. A found account gets a one-time code ({@code codeHash}).
   */
  public Future<Resolved> resolve(Claims claims, String username, byte[] codeHash, Duration codeTtl) {
    return pool.withTransaction(conn -> conn.preparedQuery(BY_IDENTITY)
        .execute(Tuple.of(claims.provider(), claims.subject(), claims.email()))
        .compose(found -> {
          if (found.size() > 0) {
            return Future.succeededFuture(new Resolved(Outcome.SIGNED_IN, found.iterator().next().getUUID(0)));
          }
          return conn.preparedQuery(BY_EMAIL).execute(Tuple.of(claims.email())).compose(byEmail -> {
            if (byEmail.size() > 0) {
              Row existing = byEmail.iterator().next();
              if (!claims.emailVerified() || !existing.getBoolean("email_verified")) {
                return Future.succeededFuture(new Resolved(Outcome.EMAIL_TAKEN, null));
              }
              UUID id = existing.getUUID("id");
              return link(conn, id, claims).map(v -> new Resolved(Outcome.LINKED, id));
            }
            return conn.preparedQuery(CREATE_USER)
                .execute(Tuple.of(claims.email(), username, claims.name(), claims.emailVerified()))
                .compose(created -> {
                  UUID id = created.iterator().next().getUUID(0);
                  return link(conn, id, claims).map(v -> new Resolved(Outcome.CREATED, id));
                });
          });
        })
        .compose(resolved -> resolved.userId() == null ? Future.succeededFuture(resolved)
            : conn.preparedQuery(SAVE_CODE).execute(Tuple.of(codeHash, resolved.userId(), claims.provider(),
                codeTtl.toSeconds())).map(resolved)));
  }

  private static Future<Void> link(SqlConnection conn, UUID userId, Claims claims) {
    return conn.preparedQuery(LINK).execute(Tuple.of(userId, claims.provider(), claims.subject(), claims.email()))
        .mapEmpty();
  }

  /** The account of a live one-time code, which is spent either way. */
  public Future<Optional<UUID>> takeCode(byte[] codeHash) {
    return pool.preparedQuery(TAKE_CODE).execute(Tuple.of(codeHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return r.getBoolean("live") ? Optional.of(r.getUUID("user_id")) : Optional.empty();
    });
  }

  public Future<List<Identity>> identities(UUID userId) {
    return pool.preparedQuery(IDENTITIES).execute(Tuple.of(userId)).map(rows -> {
      List<Identity> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new Identity(r.getString("provider"), r.getString("email"), r.getOffsetDateTime("created_at"),
            r.getOffsetDateTime("last_sign_in_at")));
      }
      return out;
    });
  }

  /** Drops states and codes expired for a day; returns how many. */
  public Future<Long> sweep() {
    return pool.query(SWEEP).execute().map(rows -> rows.iterator().next().getLong(0));
  }

}
