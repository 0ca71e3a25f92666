package org.jobdash.user.limit;

import io.vertx.core.Future;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;

/** SQL of {@code login_throttle}: sign-in attempts per identifier digest. */
public final class LoginThrottleRepository {

  /** The attempt count after this one, in the window: attempts older than the window start again at one. */
  private static final String COUNT = """
      CASE WHEN t.last_attempt_at < now() - $5 * interval '1 second' THEN 1 ELSE t.attempts + 1 END""";

  /**
   * Reserves one attempt in one statement (the row lock orders concurrent ones): allowed while the window is new,
   * the free attempts are not used up, or the delay set by the previous attempt has passed; each allowed attempt
   * sets the delay before the next one ($2 free attempts, then $3 seconds doubled per attempt up to $4). Returns
   * the count when allowed, else null with the time the next attempt is allowed.
   */
  private static final String RESERVE = """
      WITH prior AS (
        SELECT next_attempt_at FROM login_throttle WHERE identifier_hash = $1
      ), reserved AS (
        INSERT INTO login_throttle AS t (identifier_hash, attempts, last_attempt_at, next_attempt_at)
        VALUES ($1, 1, now(), now() + CASE WHEN 1 < $2 THEN 0 ELSE $3::float8 END * interval '1 second')
        ON CONFLICT (identifier_hash) DO UPDATE SET
          attempts = %1$s,
          last_attempt_at = now(),
          next_attempt_at = now() + CASE WHEN %1$s < $2 THEN 0
              ELSE least($4::float8, $3::float8 * power(2::float8, least(%1$s - $2, 30))) END * interval '1 second'
        WHERE t.last_attempt_at < now() - $5 * interval '1 second' OR t.attempts < $2 OR t.next_attempt_at <= now()
        RETURNING attempts
      )
      SELECT (SELECT attempts FROM reserved) AS attempts, (SELECT next_attempt_at FROM prior) AS next_attempt_at,
             now() AS at""".formatted(COUNT);

  private static final String CLEAR = "DELETE FROM login_throttle WHERE identifier_hash = $1";

  private static final String FORGET = "DELETE FROM login_throttle WHERE last_attempt_at < now() - $1 * interval '1 second'";

  /** An attempt's reservation: allowed, or refused until {@code retryAfter} has passed. */
  public record Reservation(boolean allowed, Duration retryAfter) {}

  private final PreparedQuery<RowSet<Row>> reserve;
  private final PreparedQuery<RowSet<Row>> clear;
  private final SqlClient client;

  public LoginThrottleRepository(SqlClient client) {
    this.client = client;
    this.reserve = client.preparedQuery(RESERVE);
    this.clear = client.preparedQuery(CLEAR);
  }

  public Future<Reservation> reserve(byte[] identifierHash, RateLimits.LoginFailures rule) {
    return reserve.execute(Tuple.of(identifierHash, rule.freeAttempts(), (double) rule.firstDelay().toSeconds(),
            (double) rule.maxDelay().toSeconds(), rule.window().toSeconds()))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (row.getInteger("attempts") != null) {
            return new Reservation(true, Duration.ZERO);
          }
          OffsetDateTime next = row.getOffsetDateTime("next_attempt_at");
          Duration wait = next == null ? Duration.ZERO : Duration.between(row.getOffsetDateTime("at"), next);
          return new Reservation(false, wait);
        });
  }

  /** A correct password: the identifier's count starts again. */
  public Future<Void> clear(byte[] identifierHash) {
    return clear.execute(Tuple.of(identifierHash)).mapEmpty();
  }

  /** Drops the rows of identifiers quiet for longer than {@code window}; returns how many. */
  public Future<Integer> forget(Duration window) {
    return client.preparedQuery(FORGET).execute(Tuple.of(window.toSeconds())).map(RowSet::rowCount);
  }
}
