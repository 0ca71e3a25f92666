package org.jobdash.user.limit;

import io.vertx.core.Future;
import org.jobdash.common.http.ApiException;
import org.jobdash.user.security.Secrets;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Throttles password guesses per identifier, whether or not an account has it: every check of a password (sign-in,
 * password change, account deletion) first reserves an attempt, atomically and before the hash is computed, so a
 * burst of concurrent guesses cannot all be judged at once. Past the free attempts each next one waits a doubling
 * delay up to a cap; a correct password clears the count. The refusal is the same 429 for every identifier.
 */
public final class LoginThrottle {

  private static final String DETAIL = "Too many sign-in attempts for this account; try again later";

  private final LoginThrottleRepository attempts;
  private final RateLimits limits;

  public LoginThrottle(LoginThrottleRepository attempts, RateLimits limits) {
    this.attempts = attempts;
    this.limits = limits;
  }

  /** The identifier of an account's attempts, however it was named (e-mail, username) or what checked it. */
  public static String account(UUID userId) {
    return "user:" + userId;
  }

  /** The identifier of an account's second-factor codes (TOTP or recovery), counted apart from its passwords. */
  public static String secondFactor(UUID userId) {
    return "mfa:" + userId;
  }

  /** The identifier of attempts at a login that names no account. */
  public static String unknownLogin(String login) {
    return "login:" + login.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Reserves an attempt for {@code identifier}, then runs {@code check} (the password hash comparison); a true
   * result clears the count. Fails with 429 without running {@code check} while the identifier must wait.
   */
  public Future<Boolean> attempt(String identifier, Supplier<Future<Boolean>> check) {
    if (!limits.enabled()) {
      return check.get();
    }
    byte[] key = Secrets.sha256(identifier);
    return attempts.reserve(key, limits.loginFailures()).compose(reservation -> {
      if (!reservation.allowed()) {
        return Future.failedFuture(new ApiException.TooManyRequests(DETAIL, reservation.retryAfter().toSeconds() + 1));
      }
      return check.get().compose(ok -> ok ? attempts.clear(key).map(true) : Future.succeededFuture(false));
    });
  }

  /** The retention sweep's part: identifiers quiet for a whole window are forgotten. */
  public Future<Integer> forgetQuiet() {
    return attempts.forget(limits.loginFailures().window());
  }
}
