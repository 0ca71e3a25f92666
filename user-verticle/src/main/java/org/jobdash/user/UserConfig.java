package org.jobdash.user;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.config.ServiceSettings;
import org.jobdash.common.config.Settings;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.http.HttpSettings;
import org.jobdash.user.limit.RateLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user service's settings, built once from its merged configuration section. Every default is in the module's
 * {@code jobdash/user.json}, once; {@link #from} reads the section without defaults of its own.
 */
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
    RateLimits rateLimits,
    SecretKey secrets,
    Mfa mfa,
    Oidc oidc) {

  /**
   * The AES-256-GCM key that seals TOTP secrets and PKCE verifiers: {@code encryptionKey} (base64 of 32 bytes), or
   * when unset one generated once into {@code keyDirectory} (by default {@code secrets} under the data directory).
   */
  public record SecretKey(String encryptionKey, String keyDirectory) {}

  /** The issuer name shown in authenticator apps, and how long a sign-in waits for its second factor. */
  public record Mfa(String issuer, Duration challengeTtl) {}

  /**
   * OpenID Connect sign-in: the providers by name, the public base URL of our callback (the gateway's), how long
   * an authorisation request may take and how long the one-time code handed to the client lives.
   */
  public record Oidc(String callbackBaseUrl, Duration stateTtl, Duration codeTtl, Map<String, OidcProvider> providers) {}

  /** One provider, discovered from {@code issuer}; only {@code redirectUris} may receive our one-time codes. */
  public record OidcProvider(String name, String issuer, String clientId, String clientSecret,
                             List<String> redirectUris) {}

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

  /** The section, its defaults ({@code jobdash/user.json}) and the environment variables that set it. */
  public static final ServiceSettings SETTINGS = new ServiceSettings("user", Map.of(
      "USER_SERVICE_DATABASE_URL", "database.url",
      "USER_SERVICE_PORT", "http.port",
      "JWT_PRIVATE_KEY_PEM", "jwt.privateKeyPem",
      "JWT_PUBLIC_KEY_PEM", "jwt.publicKeyPem",
      "MAIL_MODE", "mail.mode",
      "SMTP_HOST", "mail.smtpHost",
      "SMTP_PORT", "mail.smtpPort",
      "SMTP_USER", "mail.smtpUser",
      "SMTP_PASSWORD", "mail.smtpPassword",
      "USER_SECRETS_ENCRYPTION_KEY", "secrets.encryptionKey"));

  /**
   * @param json the whole merged user section (see {@link #SETTINGS}); a setting missing or of the wrong type
   *             fails, naming it. The signing keys go to {@code jwt.keyDirectory}, by default {@code jwt} under the
   *             data directory; {@code passwords.threads} 0 is one hashing thread per core.
   */
  public static UserConfig from(JsonObject json) {
    Settings user = SETTINGS.read(json);
    Settings http = user.section("http");
    Settings jwt = user.section("jwt");
    Settings pw = user.section("passwords");
    Settings s = user.section("sessions");
    Settings mail = user.section("mail");
    Settings deletion = user.section("deletion");
    Settings secrets = user.section("secrets");
    Settings mfa = user.section("mfa");
    Settings oidc = user.section("oidc");
    String secretsDirectory = blankToNull(secrets.nullableText("keyDirectory"));
    String keyDirectory = blankToNull(jwt.nullableText("keyDirectory"));
    int threads = pw.integer("threads");
    String smtpHost = blankToNull(mail.nullableText("smtpHost"));
    return new UserConfig(
        HttpSettings.from(http.json(), http.integer("port")),
        DatabaseConfig.from(SETTINGS.describe("database.url"), user.section("database").json()),
        new Jwt(
            jwt.text("issuer"),
            jwt.text("audience"),
            Duration.ofSeconds(jwt.whole("accessTokenTtlSeconds")),
            blankToNull(jwt.nullableText("privateKeyPem")),
            blankToNull(jwt.nullableText("publicKeyPem")),
            keyDirectory == null ? Path.of(user.text("dataDir"), "jwt").toString() : keyDirectory),
        new Passwords(
            pw.integer("memoryKib"),
            pw.integer("iterations"),
            pw.integer("parallelism"),
            threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()),
            pw.integer("queueSize"),
            passwordMinLength(pw.integer("minLength"))),
        new Sessions(
            Duration.ofDays(s.whole("sessionTtlDays")),
            Duration.ofDays(s.whole("refreshTokenTtlDays")),
            Duration.ofMinutes(s.whole("resetTokenTtlMinutes")),
            Duration.ofHours(s.whole("verificationTokenTtlHours"))),
        new Mail(
            mailMode(blankToNull(mail.nullableText("mode")), smtpHost),
            mail.text("from"),
            smtpHost == null ? "localhost" : smtpHost,
            mail.integer("smtpPort"),
            blankToNull(mail.nullableText("smtpUser")),
            blankToNull(mail.nullableText("smtpPassword")),
            mail.flag("smtpStartTls"),
            mail.text("verifyUrl"),
            mail.text("resetUrl")),
        Duration.ofMinutes(user.whole("cleanupIntervalMinutes")),
        user.texts("bootstrapAdmins").stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
        new Deletion(deletion.texts("requiredAcks"), Duration.ofSeconds(deletion.whole("republishSeconds"))),
        RateLimits.from(user.section("rateLimits")),
        new SecretKey(blankToNull(secrets.nullableText("encryptionKey")),
            secretsDirectory == null ? Path.of(user.text("dataDir"), "secrets").toString() : secretsDirectory),
        new Mfa(mfa.text("issuer"), Duration.ofSeconds(mfa.whole("challengeTtlSeconds"))),
        new Oidc(oidc.text("callbackBaseUrl").replaceAll("/+$", ""), Duration.ofSeconds(oidc.whole("stateTtlSeconds")),
            Duration.ofSeconds(oidc.whole("codeTtlSeconds")), providers(oidc.section("providers"))));
  }

  /**
   * {@code oidc.providers.<name>.{issuer, clientId, clientSecret, redirectUris}}; {@code redirectUris} is a list,
   * or comma-separated text (as an environment variable gives it).
   */
  static Map<String, OidcProvider> providers(Settings providers) {
    Map<String, OidcProvider> out = new java.util.TreeMap<>();
    for (String name : providers.json().fieldNames()) {
      if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
        throw new IllegalArgumentException("user.oidc.providers." + name + ": a provider's name is 1-64 of a-z 0-9 _ -");
      }
      Settings p = providers.section(name);
      Object uris = p.json().getValue("redirectUris");
      List<String> redirectUris = uris instanceof String text
          ? java.util.Arrays.stream(text.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList()
          : p.texts("redirectUris");
      if (redirectUris.isEmpty()) {
        throw new IllegalArgumentException("user.oidc.providers." + name + ".redirectUris lists no address");
      }
      out.put(name, new OidcProvider(name, p.text("issuer").replaceAll("/+$", ""), p.text("clientId"),
          blankToNull(p.json().getValue("clientSecret") instanceof String secret ? secret : null), redirectUris));
    }
    return java.util.Collections.unmodifiableMap(out);
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

  /** Null when blank, otherwise as given: a secret's spaces are its own. */
  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The document promises at least {@value #PASSWORD_FLOOR} characters (NIST SP 800-63B's floor); no setting goes lower. */
  static final int PASSWORD_FLOOR = 8;

  private static int passwordMinLength(int configured) {
    if (configured < PASSWORD_FLOOR || configured > 256) {
      throw new IllegalArgumentException("setting user.passwords.minLength must be between " + PASSWORD_FLOOR
          + " and 256, was " + configured);
    }
    return configured;
  }
}
