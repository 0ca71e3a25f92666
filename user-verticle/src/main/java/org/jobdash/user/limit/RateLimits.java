package org.jobdash.user.limit;

import org.jobdash.common.config.Settings;

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
    ACCOUNT_DELETION("accountDeletion"),
    SECOND_FACTOR("secondFactor"),
    OIDC("oidc");

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

  /** Reads {@code user.rateLimits} strictly: every limit is in the module's defaults, once. */
  public static RateLimits from(Settings json) {
    Map<Action, ActionLimits> actions = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      Settings section = json.section(action.setting);
      actions.put(action, new ActionLimits(Limit.from(section.section("perAddress")),
          Limit.from(section.section("perIdentifier")),
          action == Action.LOGIN ? Limit.from(section.section("perAddressAndIdentifier")) : null));
    }
    Settings failures = json.section("loginFailures");
    return new RateLimits(json.flag("enabled"), Map.copyOf(actions), new LoginFailures(
        failures.integer("freeAttempts"),
        Duration.ofSeconds(failures.whole("firstDelaySeconds")),
        Duration.ofSeconds(failures.whole("maxDelaySeconds")),
        Duration.ofMinutes(failures.whole("windowMinutes"))));
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

}
