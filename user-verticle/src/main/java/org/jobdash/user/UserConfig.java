package org.jobdash.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.http.HttpSettings;
import org.jobdash.user.limit.RateLimits;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The user service's settings, built once from its merged configuration section. */
public record UserConfig(
    HttpSettings http,
    DatabaseConfig database,
    Jwt jwt,
    Passwords passwords,
    Sessions sessions,
    Mail mail,
    Duration cleanupInterval,
    List<String> bootstrapAdmins,
    Deletion deletion,
    RateLimits rateLimits) {

  /** Which services must confirm purging a deleted account, and how often it is re-announced until they do. */
  public record Deletion(List<String> requiredAcks, Duration republishAfter) {}

  /** Signing keys and token lifetimes. */
  public record Jwt(String issuer, String audience, Duration accessTokenTtl, String privateKeyPem,
                    String publicKeyPem, String keyDirectory) {}

  /** Argon2id parameters and the bounded hashing pool. */
  public record Passwords(int memoryKib, int iterations, int parallelism, int threads, int queueSize,
                          int minLength) {}

  /** Session and one-time token lifetimes (failed sign-ins: {@link RateLimits.LoginFailures}). */
  public record Sessions(Duration sessionTtl, Duration refreshTokenTtl, Duration resetTokenTtl,
                         Duration verificationTokenTtl) {}

  /**
   * {@code log} (the embedded default only: mails go to the log), {@code smtp}, or {@code none} (another process
   * sends them, or nothing is configured: see {@link #mailMode}).
   */
  public record Mail(String mode, String from, String smtpHost, int smtpPort, String smtpUser, String smtpPassword,
                     boolean smtpStartTls, String verifyUrl, String resetUrl) {}

  public static UserConfig from(JsonObject json) {
    JsonObject jwt = json.getJsonObject("jwt", new JsonObject());
    JsonObject pw = json.getJsonObject("passwords", new JsonObject());
    JsonObject s = json.getJsonObject("sessions", new JsonObject());
    JsonObject mail = json.getJsonObject("mail", new JsonObject());
    JsonArray admins = json.getJsonArray("bootstrapAdmins", new JsonArray());
    return new UserConfig(
        HttpSettings.from(json.getJsonObject("http", new JsonObject()), 8081),
        DatabaseConfig.from("user.database.url (USER_SERVICE_DATABASE_URL)",
            json.getJsonObject("database", new JsonObject())),
        new Jwt(
            jwt.getString("issuer", "jobdash-user-service"),
            jwt.getString("audience", "jobdash"),
            Duration.ofSeconds(jwt.getLong("accessTokenTtlSeconds", 900L)),
            blankToNull(jwt.getString("privateKeyPem")),
            blankToNull(jwt.getString("publicKeyPem")),
            jwt.getString("keyDirectory", "./data/jwt")),
        new Passwords(
            pw.getInteger("memoryKib", 19_456),
            pw.getInteger("iterations", 2),
            pw.getInteger("parallelism", 1),
            pw.getInteger("threads", Math.max(1, Runtime.getRuntime().availableProcessors())),
            pw.getInteger("queueSize", 256),
            pw.getInteger("minLength", 10)),
        new Sessions(
            Duration.ofDays(s.getLong("sessionTtlDays", 30L)),
            Duration.ofDays(s.getLong("refreshTokenTtlDays", 14L)),
            Duration.ofMinutes(s.getLong("resetTokenTtlMinutes", 60L)),
            Duration.ofHours(s.getLong("verificationTokenTtlHours", 48L))),
        new Mail(
            mailMode(blankToNull(mail.getString("mode")), blankToNull(mail.getString("smtpHost"))),
            mail.getString("from", "Job Dashboard <no-reply@jobdash.local>"),
            Objects.requireNonNullElse(blankToNull(mail.getString("smtpHost")), "localhost"),
            mail.getInteger("smtpPort", 587),
            blankToNull(mail.getString("smtpUser")),
            blankToNull(mail.getString("smtpPassword")),
            mail.getBoolean("smtpStartTls", true),
            mail.getString("verifyUrl", "http://localhost:8080/verify-email?token="),
            mail.getString("resetUrl", "http://localhost:8080/reset-password?token=")),
        Duration.ofMinutes(json.getLong("cleanupIntervalMinutes", 60L)),
        admins.stream().map(a -> String.valueOf(a).toLowerCase(Locale.ROOT)).toList(),
        new Deletion(
            json.getJsonObject("deletion", new JsonObject()).getJsonArray("requiredAcks",
                new JsonArray().add("resume").add("ai")).stream().map(String::valueOf).toList(),
            Duration.ofSeconds(json.getJsonObject("deletion", new JsonObject()).getLong("republishSeconds", 30L))),
        RateLimits.from(json.getJsonObject("rateLimits", new JsonObject())));
  }

  /**
   * The mail mode as set; unset, {@code smtp} when an SMTP host is configured, else {@code none}. The launcher sets
   * {@code log} (links with their tokens in the log) on the embedded default only.
   */
  static String mailMode(String mode, String smtpHost) {
    if (mode != null) {
      return mode;
    }
    return smtpHost != null ? "smtp" : "none";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
