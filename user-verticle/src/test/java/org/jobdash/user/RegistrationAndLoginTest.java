package org.jobdash.user;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class RegistrationAndLoginTest {

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
  void registrationReturnsTheUserWithoutSecretsAndSendsAVerificationMail() {
    String email = UserHarness.unique("Reg") + "@Example.com";
    TestClient.Response r = h.http.post("/api/v1/auth/register", new JsonObject().put("email", email)
        .put("username", UserHarness.unique("reg_")).put("password", "a long enough passphrase")
        .put("fullName", "Ada Nurse"), null);

    assertThat(r.status()).isEqualTo(201);
    JsonObject user = r.json();
    assertThat(user.getString("email")).isEqualTo(email);
    assertThat(user.getBoolean("emailVerified")).isFalse();
    assertThat(user.getJsonArray("roles")).containsExactly("user");
    assertThat(r.text()).doesNotContain("password").doesNotContain("argon2");
    String hash = h.sql("SELECT password_hash FROM users WHERE id = $1::uuid", user.getString("id"))
        .iterator().next().getString(0);
    assertThat(hash).startsWith("$argon2id$").doesNotContain("a long enough passphrase");
    JsonObject mail = h.mailTo(email, "email-verification");
    assertThat(mail.getString("token")).hasSize(43);
    assertThat(h.count("SELECT count(*) FROM email_verifications WHERE user_id = $1::uuid", user.getString("id")))
        .isEqualTo(1);
  }

  @Test
  void duplicateEmailOrUsernameIsAConflictWhateverTheCase() {
    UserHarness.Account a = h.register();
    TestClient.Response sameEmail = h.http.post("/api/v1/auth/register", new JsonObject()
        .put("email", a.email().toUpperCase()).put("username", UserHarness.unique("other_"))
        .put("password", "another fine passphrase"), null);
    TestClient.Response sameUsername = h.http.post("/api/v1/auth/register", new JsonObject()
        .put("email", UserHarness.unique("x") + "@example.com").put("username", a.username().toUpperCase())
        .put("password", "another fine passphrase"), null);

    assertThat(sameEmail.status()).isEqualTo(409);
    assertThat(sameEmail.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(sameEmail.json().getString("detail")).contains("e-mail");
    assertThat(sameUsername.status()).isEqualTo(409);
    assertThat(sameUsername.json().getString("detail")).contains("username");
  }

  @Test
  void weakPasswordsAreRefusedWithTheFieldNamed() {
    String email = UserHarness.unique("weak") + "@example.com";
    String username = UserHarness.unique("weakling");
    for (String password : new String[] {"short", email, username, email.substring(0, email.indexOf('@'))}) {
      TestClient.Response r = h.http.post("/api/v1/auth/register", new JsonObject().put("email", email)
          .put("username", username).put("password", password), null);
      assertThat(r.status()).as(password).isEqualTo(400);
      assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
    }
    assertThat(h.count("SELECT count(*) FROM users WHERE lower(email) = lower($1)", email)).isZero();
  }

  @Test
  void loginByEmailOrUsernameOpensASessionWithIpAndUserAgent() {
    UserHarness.Account a = h.register();
    TestClient.Response r = h.http.send(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("login", a.username()).put("password", a.password()),
        Map.of("User-Agent", "JUnit/5 test", "X-Forwarded-For", "203.0.113.7"));

    assertThat(r.status()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getString("tokenType")).isEqualTo("Bearer");
    assertThat(body.getLong("expiresIn")).isEqualTo(900L);
    assertThat(body.getJsonObject("user").getString("id")).isEqualTo(a.id().toString());
    var session = h.sql("SELECT host(ip_address), user_agent FROM user_sessions WHERE user_id = $1", a.id())
        .iterator().next();
    assertThat(session.getString(0)).isEqualTo("203.0.113.7");
    assertThat(session.getString(1)).isEqualTo("JUnit/5 test");
    assertThat(h.count("SELECT count(*) FROM refresh_tokens WHERE user_id = $1", a.id())).isEqualTo(1);

    TestClient.Response me = h.http.get("/api/v1/users/me", body.getString("accessToken"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("username")).isEqualTo(a.username());
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSame401() {
    UserHarness.Account a = h.register();
    TestClient.Response wrong = h.http.post("/api/v1/auth/login",
        new JsonObject().put("login", a.email()).put("password", "not the password at all"), null);
    TestClient.Response unknown = h.http.post("/api/v1/auth/login",
        new JsonObject().put("login", "nobody-" + a.email()).put("password", "not the password at all"), null);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().getString("detail")).isEqualTo(unknown.json().getString("detail"));
    assertThat(h.count("SELECT count(*) FROM user_sessions WHERE user_id = $1", a.id())).isZero();
  }

  @Test
  void changingThePasswordEndsOtherSessionsButKeepsThisOne() {
    UserHarness.Account a = h.register();
    UserHarness.Login first = h.login(a);
    UserHarness.Login second = h.login(a);
    TestClient.Response wrong = h.http.post("/api/v1/users/me/password", new JsonObject()
        .put("currentPassword", "not it at all").put("newPassword", "a brand new passphrase"), second.accessToken());
    assertThat(wrong.status()).isEqualTo(403);

    TestClient.Response ok = h.http.post("/api/v1/users/me/password", new JsonObject()
        .put("currentPassword", a.password()).put("newPassword", "a brand new passphrase"), second.accessToken());
    assertThat(ok.status()).isEqualTo(204);
    assertThat(h.http.get("/api/v1/users/me", first.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.get("/api/v1/users/me", second.accessToken()).status()).isEqualTo(200);
    assertThat(h.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", first.refreshToken()), null)
        .status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", a.email())
        .put("password", "a brand new passphrase"), null).status()).isEqualTo(200);
  }

  @Test
  void patchChangesOnlyTheGivenFields() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response r = h.http.patch("/api/v1/users/me", new JsonObject().put("title", "Registered Nurse")
        .put("yearsExperience", 7).put("location", "Leeds, UK")
        .put("education", new io.vertx.core.json.JsonArray().add(new JsonObject().put("degree", "BSc Nursing"))),
        l.accessToken());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getString("title")).isEqualTo("Registered Nurse");
    assertThat(r.json().getInteger("yearsExperience")).isEqualTo(7);
    assertThat(r.json().getString("fullName")).isEqualTo("Test Person");

    TestClient.Response bad = h.http.patch("/api/v1/users/me", new JsonObject().put("email", "x@y.z")
        .put("yearsExperience", 200), l.accessToken());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").size()).isEqualTo(2);
  }
}
