package org.jobdash.user;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class ResetAndVerificationTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void passwordResetEndToEnd() {
    UserHarness.Account a = h.register();
    UserHarness.Login before = h.login(a);

    TestClient.Response forgot = h.http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", a.email()),
        null);
    assertThat(forgot.status()).isEqualTo(202);
    String token = h.mailTo(a.email(), "password-reset").getString("token");
    var stored = h.sql("SELECT encode(token_hash, 'hex'), expires_at - created_at FROM password_resets WHERE user_id = $1",
        a.id()).iterator().next();
    assertThat(stored.getString(0)).hasSize(64).doesNotContain(token);

    TestClient.Response reset = h.http.post("/api/v1/auth/password/reset",
        new JsonObject().put("token", token).put("newPassword", "completely new passphrase"), null);
    assertThat(reset.status()).isEqualTo(204);
    assertThat(h.http.get("/api/v1/users/me", before.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", before.refreshToken()), null)
        .status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", a.email())
        .put("password", a.password()), null).status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", a.email())
        .put("password", "completely new passphrase"), null).status()).isEqualTo(200);

    TestClient.Response again = h.http.post("/api/v1/auth/password/reset",
        new JsonObject().put("token", token).put("newPassword", "yet another passphrase"), null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("token");
  }

  @Test
  void forgotPasswordForAnUnknownAddressLooksTheSame() {
    String nobody = UserHarness.unique("ghost") + "@example.com";
    TestClient.Response r = h.http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", nobody), null);
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.text()).isEmpty();
  }

  @Test
  void anExpiredResetTokenIsRefused() {
    UserHarness.Account a = h.register();
    h.http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", a.email()), null);
    String token = h.mailTo(a.email(), "password-reset").getString("token");
    h.sql("UPDATE password_resets SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE user_id = $1", a.id());

    TestClient.Response r = h.http.post("/api/v1/auth/password/reset",
        new JsonObject().put("token", token).put("newPassword", "completely new passphrase"), null);
    assertThat(r.status()).isEqualTo(400);
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", a.email())
        .put("password", a.password()), null).status()).isEqualTo(200);
  }

  @Test
  void aWeakNewPasswordLeavesTheTokenUsable() {
    UserHarness.Account a = h.register();
    h.http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", a.email()), null);
    String token = h.mailTo(a.email(), "password-reset").getString("token");

    assertThat(h.http.post("/api/v1/auth/password/reset", new JsonObject().put("token", token)
        .put("newPassword", a.username()), null).status()).isEqualTo(400);
    assertThat(h.http.post("/api/v1/auth/password/reset", new JsonObject().put("token", token)
        .put("newPassword", "strong and fresh passphrase"), null).status()).isEqualTo(204);
  }

  @Test
  void emailVerificationWithTheMailedTokenWorksOnce() {
    UserHarness.Account a = h.register();
    String token = h.mailTo(a.email(), "email-verification").getString("token");

    TestClient.Response ok = h.http.post("/api/v1/auth/email/verify", new JsonObject().put("token", token), null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(h.sql("SELECT email_verified FROM users WHERE id = $1", a.id()).iterator().next().getBoolean(0)).isTrue();
    assertThat(h.http.post("/api/v1/auth/email/verify", new JsonObject().put("token", token), null).status())
        .isEqualTo(400);
  }

  @Test
  void resendSendsAFreshTokenAndTheExpiredOneFails() {
    UserHarness.Login l = h.registerAndLogin();
    String first = h.mailTo(l.account().email(), "email-verification").getString("token");
    h.sql("UPDATE email_verifications SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE user_id = $1",
        l.account().id());
    assertThat(h.http.post("/api/v1/auth/email/verify", new JsonObject().put("token", first), null).status())
        .isEqualTo(400);

    assertThat(h.http.post("/api/v1/auth/email/resend", null, l.accessToken()).status()).isEqualTo(202);
    String second = h.mailTo(l.account().email(), "email-verification").getString("token");
    assertThat(second).isNotEqualTo(first);
    assertThat(h.http.post("/api/v1/auth/email/verify", new JsonObject().put("token", second), null).status())
        .isEqualTo(200);
    assertThat(h.http.post("/api/v1/auth/email/resend", null, l.accessToken()).status()).isEqualTo(409);
  }
}
