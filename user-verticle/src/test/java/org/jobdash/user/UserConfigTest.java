package org.jobdash.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.user.limit.Limit;
import org.jobdash.user.limit.RateLimits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserConfigTest {

  /** The defaults with the one setting a deployment must give (or the launcher derives): the database. */
  private static JsonObject deployable() {
    JsonObject defaults = UserConfig.SETTINGS.defaults();
    defaults.getJsonObject("database").put("url", "postgresql://u:p@127.0.0.1:5432/user_service_db");
    return defaults;
  }

  @Test
  void theModuleDefaultsAloneMakeAConfig() {
    UserConfig config = UserConfig.from(deployable());

    assertThat(config.http().port()).isEqualTo(8081);
    assertThat(config.http().trustedProxies()).containsExactly("127.0.0.1", "::1");
    assertThat(config.database().poolSize()).isEqualTo(16);
    assertThat(config.jwt()).isEqualTo(new UserConfig.Jwt("jobdash-user-service", "jobdash", Duration.ofMinutes(15),
        null, null, Path.of("./data", "jwt").toString()));
    assertThat(config.passwords()).isEqualTo(new UserConfig.Passwords(19_456, 2, 1,
        Math.max(1, Runtime.getRuntime().availableProcessors()), 256, 10));
    assertThat(config.sessions()).isEqualTo(new UserConfig.Sessions(Duration.ofDays(30), Duration.ofDays(14),
        Duration.ofMinutes(60), Duration.ofHours(48)));
    // no mode and no SMTP host: nothing is sent (the launcher sets log on the embedded default only)
    assertThat(config.mail()).isEqualTo(new UserConfig.Mail("none", "Job Dashboard <no-reply@jobdash.local>",
        "localhost", 587, null, null, true, "http://localhost:8080/verify-email?token=",
        "http://localhost:8080/reset-password?token="));
    assertThat(config.cleanupInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(config.bootstrapAdmins()).isEmpty();
    assertThat(config.deletion()).isEqualTo(new UserConfig.Deletion(List.of("resume", "ai"), Duration.ofSeconds(30)));
    assertThat(config.rateLimits().enabled()).isTrue();
    assertThat(config.rateLimits().actions().get(RateLimits.Action.LOGIN)).isEqualTo(new RateLimits.ActionLimits(
        new Limit(60, Duration.ofMinutes(1)), new Limit(30, Duration.ofMinutes(1)), new Limit(10, Duration.ofMinutes(5))));
    assertThat(config.rateLimits().actions().get(RateLimits.Action.REGISTER).perAddressAndIdentifier()).isNull();
    assertThat(config.rateLimits().loginFailures()).isEqualTo(new RateLimits.LoginFailures(5, Duration.ofSeconds(1),
        Duration.ofMinutes(5), Duration.ofMinutes(15)));
  }

  @Test
  void aPasswordMinimumBelowTheDocumentsFloorIsRefused() {
    for (int minLength : new int[] {7, 0, 257}) {
      JsonObject section = deployable();
      section.getJsonObject("passwords").put("minLength", minLength);
      assertThatThrownBy(() -> UserConfig.from(section)).as("minLength " + minLength)
          .hasMessageContaining("user.passwords.minLength must be between 8 and 256");
    }
    JsonObject eight = deployable();
    eight.getJsonObject("passwords").put("minLength", 8);
    assertThat(UserConfig.from(eight).passwords().minLength()).isEqualTo(8);
  }

  @Test
  void givenSettingsWinAndTheKeysFollowTheDataDirectoryUnlessGivenTheirOwn() {
    JsonObject section = UserConfig.SETTINGS.withDefaults(new JsonObject()
        .put("dataDir", "/srv/jobdash")
        .put("database", new JsonObject().put("url", "postgresql://u:p@db:5432/users"))
        .put("passwords", new JsonObject().put("threads", 3))
        .put("mail", new JsonObject().put("smtpUser", " ").put("smtpPassword", " secret "))
        .put("bootstrapAdmins", new JsonArray().add("Admin@Example.com")));

    UserConfig config = UserConfig.from(section);

    assertThat(config.jwt().keyDirectory()).isEqualTo(Path.of("/srv/jobdash", "jwt").toString());
    assertThat(config.passwords().threads()).isEqualTo(3);
    assertThat(config.mail().smtpUser()).as("blank is unset").isNull();
    assertThat(config.mail().smtpPassword()).as("a secret is kept as given").isEqualTo(" secret ");
    assertThat(config.bootstrapAdmins()).containsExactly("admin@example.com");
    section.getJsonObject("jwt").put("keyDirectory", "/keys");
    assertThat(UserConfig.from(section).jwt().keyDirectory()).isEqualTo("/keys");
  }

  @Test
  void aMissingOrMistypedSettingStopsTheStartWithItsName() {
    JsonObject missing = deployable();
    missing.getJsonObject("rateLimits").getJsonObject("loginFailures").remove("maxDelaySeconds");
    assertThatThrownBy(() -> UserConfig.from(missing))
        .hasMessage("missing setting user.rateLimits.loginFailures.maxDelaySeconds");

    JsonObject mistyped = deployable();
    mistyped.getJsonObject("mail").put("smtpStartTls", "maybe");
    assertThatThrownBy(() -> UserConfig.from(mistyped))
        .hasMessage("setting user.mail.smtpStartTls must be true or false, not 'maybe'");

    JsonObject noDatabase = UserConfig.SETTINGS.defaults();
    assertThatThrownBy(() -> UserConfig.from(noDatabase)).hasMessageContaining("USER_SERVICE_DATABASE_URL");
  }
}
