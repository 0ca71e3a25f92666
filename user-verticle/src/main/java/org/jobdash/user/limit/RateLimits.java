package org.jobdash.user.limit;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The settings under {@code user.rateLimits}: one switch for all of them ({@code enabled}; the load harness turns
 * them off), the limits of each guarded action, and the progressive delay of failed sign-ins.
 */
public record RateLimits(boolean enabled, Map<Action, ActionLimits> actions, LoginFailures loginFailures) {

  /** The guarded actions, by their name in the settings. */
  public enum Action {
    LOGIN("login"),
    REGISTER("register"),
    FORGOT_PASSWORD("forgotPassword"),
    RESEND_VERIFICATION("resendVerification"),
    PASSWORD_CHANGE("passwordChange"),
    REFRESH("refresh"),
    ACCOUNT_DELETION("accountDeletion");

    final String setting;

    Action(String setting) {
      this.setting = setting;
    }
  }

  /**
   * Limits per client address, per account identifier, and (sign-in only, else null) per pair of both: the pair's
   * limit throttles one guesser of an account without throttling its owner elsewhere.
   */
  public record ActionLimits(Limit perAddress, Limit perIdentifier, Limit perAddressAndIdentifier) {}

  /**
   * Failed sign-ins per identifier (known account or not): {@code freeAttempts} in {@code window}, then each next
   * attempt waits {@code firstDelay}, doubled per attempt up to {@code maxDelay}. Never a lock without an end.
   */
  public record LoginFailures(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window) {}

  private static final Map<Action, ActionLimits> DEFAULTS = Map.of(
      Action.LOGIN, new ActionLimits(limit(60, 60), limit(30, 60), limit(10, 300)),
      Action.REGISTER, new ActionLimits(limit(20, 3600), limit(3, 3600), null),
      Action.FORGOT_PASSWORD, new ActionLimits(limit(20, 3600), limit(3, 3600), null),
      Action.RESEND_VERIFICATION, new ActionLimits(limit(20, 3600), limit(3, 3600), null),
      Action.PASSWORD_CHANGE, new ActionLimits(limit(20, 900), limit(5, 900), null),
      Action.REFRESH, new ActionLimits(limit(300, 60), limit(10, 60), null),
      Action.ACCOUNT_DELETION, new ActionLimits(limit(20, 900), limit(5, 900), null));

  public static RateLimits from(JsonObject json) {
    Map<Action, ActionLimits> actions = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      JsonObject section = json.getJsonObject(action.setting, new JsonObject());
      ActionLimits fallback = DEFAULTS.get(action);
      actions.put(action, new ActionLimits(
          Limit.from(section.getJsonObject("perAddress"), fallback.perAddress()),
          Limit.from(section.getJsonObject("perIdentifier"), fallback.perIdentifier()),
          fallback.perAddressAndIdentifier() == null ? null
              : Limit.from(section.getJsonObject("perAddressAndIdentifier"), fallback.perAddressAndIdentifier())));
    }
    JsonObject failures = json.getJsonObject("loginFailures", new JsonObject());
    return new RateLimits(json.getBoolean("enabled", true), Map.copyOf(actions), new LoginFailures(
        failures.getInteger("freeAttempts", 5),
        Duration.ofSeconds(failures.getLong("firstDelaySeconds", 1L)),
        Duration.ofSeconds(failures.getLong("maxDelaySeconds", 300L)),
        Duration.ofMinutes(failures.getLong("windowMinutes", 15L))));
  }

  /** The longest period of any limit: a bucket left alone that long is full again. */
  public Duration longestPeriod() {
    return actions.values().stream()
        .flatMap(a -> java.util.stream.Stream.of(a.perAddress(), a.perIdentifier(), a.perAddressAndIdentifier()))
        .filter(java.util.Objects::nonNull)
        .map(Limit::period)
        .max(Duration::compareTo)
        .orElse(Duration.ofHours(1));
  }

  private static Limit limit(long capacity, long periodSeconds) {
    return new Limit(capacity, Duration.ofSeconds(periodSeconds));
  }
}
