package org.jobdash.user;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer carries the security headers; those carrying a token are never stored by a cache. */
@ExtendWith(BlockedThreadGuard.class)
class SecurityHeadersTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertSealed(TestClient.Response r) {
    assertThat(r.header("X-Content-Type-Options")).as(r.toString()).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
  }

  @Test
  void answersCarryingTokensAreNotStored() {
    UserHarness.Account a = h.register();
    TestClient.Response login = h.http.post("/api/v1/auth/login",
        new JsonObject().put("login", a.email()).put("password", a.password()), null);
    TestClient.Response refresh = h.http.post("/api/v1/auth/refresh",
        new JsonObject().put("refreshToken", login.json().getString("refreshToken")), null);
    for (TestClient.Response r : List.of(login, refresh)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Cache-Control")).isEqualTo("no-store");
      assertSealed(r);
    }
  }

  @Test
  void everyAnswerIsSealedProblemsAndUnknownRoutesToo() {
    UserHarness.Login l = h.registerAndLogin();
    List<TestClient.Response> answers = List.of(
        h.http.get("/api/v1/users/me", l.accessToken()),
        h.http.get("/api/v1/users/me", null),
        h.http.get("/api/v1/no/such/route", null),
        h.http.post("/api/v1/auth/login", "not json", null),
        h.http.get("/health/live", null),
        h.http.get("/.well-known/jwks.json", null));
    answers.forEach(SecurityHeadersTest::assertSealed);
    assertThat(answers.get(0).header("Cache-Control")).isEqualTo("no-store");
    // the public keys are meant to be cached
    assertThat(answers.get(5).header("Cache-Control")).isEqualTo("public, max-age=300");
  }
}
