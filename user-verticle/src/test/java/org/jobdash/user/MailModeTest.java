package org.jobdash.user;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail mode left unset: SMTP when a host is configured, else none; log only when set (the embedded default). */
class MailModeTest {

  private static String mode(JsonObject mail) {
    return UserConfig.from(UserConfig.SETTINGS.withDefaults(new JsonObject().put("mail", mail)
        .put("database", new JsonObject().put("url", "postgresql://u:p@localhost:5432/db")))).mail().mode();
  }

  @Test
  void unsetWithoutAnSmtpHostSendsNothingAndPrintsNoToken() {
    assertThat(mode(new JsonObject())).isEqualTo("none");
    assertThat(mode(new JsonObject().putNull("mode").put("smtpHost", " "))).isEqualTo("none");
  }

  @Test
  void unsetWithAnSmtpHostIsSmtp() {
    assertThat(mode(new JsonObject().put("smtpHost", "mail.example.com"))).isEqualTo("smtp");
  }

  @Test
  void aModeSetIsKept() {
    assertThat(mode(new JsonObject().put("mode", "log"))).isEqualTo("log");
    assertThat(mode(new JsonObject().put("mode", "none").put("smtpHost", "mail.example.com"))).isEqualTo("none");
  }
}
