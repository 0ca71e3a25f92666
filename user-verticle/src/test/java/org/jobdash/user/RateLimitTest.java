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

/** The rate limits over real HTTP: per client address, per account identifier, 429 problem+json with Retry-After. */
@ExtendWith(BlockedThreadGuard.class)
class RateLimitTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start(new JsonObject().put("rateLimits", new JsonObject()
        .put("enabled", true)
        .put("register", limits(3, 10_000))
        .put("forgotPassword", limits(50, 2))
        .put("resendVerification", limits(50, 2))
        .put("passwordChange", limits(50, 2))
        .put("refresh", limits(50, 2))
        .put("login", limits(50, 50).put("perAddressAndIdentifier", limit(3)))));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static JsonObject limits(int perAddress, int perIdentifier) {
    return new JsonObject().put("perAddress", limit(perAddress)).put("perIdentifier", limit(perIdentifier));
  }

  private static JsonObject limit(int capacity) {
    return new JsonObject().put("capacity", capacity).put("periodSeconds", 3600);
  }

  /** A request from {@code address}: the harness trusts 127.0.0.1 as a proxy, so X-Forwarded-For names the client. */
  private static TestClient.Response post(String path, JsonObject body, String token, String address) {
    return h.http.send(HttpMethod.POST, path, token, body, Map.of("X-Forwarded-For", address));
  }

  private static void assertThrottled(TestClient.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(429);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).endsWith("/rate-limited");
    assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 3600L);
  }

  @Test
  void registrationIsLimitedPerClientAddress() {
    String address = "198.51.100.10";
    for (int i = 0; i < 3; i++) {
      TestClient.Response r = post("/api/v1/auth/register", new JsonObject()
          .put("email", UserHarness.unique("rl") + "@example.com").put("username", UserHarness.unique("rl_"))
          .put("password", "a long enough passphrase"), null, address);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    String refusedEmail = UserHarness.unique("rl") + "@example.com";
    assertThrottled(post("/api/v1/auth/register", new JsonObject().put("email", refusedEmail)
        .put("username", UserHarness.unique("rl_")).put("password", "a long enough passphrase"), null, address));
    assertThat(h.count("SELECT count(*) FROM users WHERE email = $1", refusedEmail)).isZero();
    // another address is not affected
    TestClient.Response other = post("/api/v1/auth/register", new JsonObject()
        .put("email", UserHarness.unique("rl") + "@example.com").put("username", UserHarness.unique("rl_"))
        .put("password", "a long enough passphrase"), null, "198.51.100.11");
    assertThat(other.status()).as(other.toString()).isEqualTo(201);
  }

  @Test
  void forgotPasswordIsLimitedPerAddressTheSameWayForKnownAndUnknownAccounts() {
    UserHarness.Account known = h.register();
    String unknown = UserHarness.unique("nobody") + "@example.com";
    for (String email : new String[] {known.email(), unknown}) {
      for (int i = 0; i < 2; i++) {
        assertThat(post("/api/v1/auth/password/forgot", new JsonObject().put("email", email), null,
            "203.0.113." + (i + 1)).status()).isEqualTo(202);
      }
      TestClient.Response refused = post("/api/v1/auth/password/forgot", new JsonObject().put("email", email), null,
          "203.0.113.9");
      assertThrottled(refused);
      assertThat(refused.json().getString("detail")).doesNotContain(email);
    }
    assertThat(h.count("SELECT count(*) FROM password_resets WHERE user_id = $1", known.id())).isEqualTo(2);
  }

  @Test
  void resendVerificationIsLimitedPerAccount() {
    UserHarness.Login login = h.registerAndLogin();
    for (int i = 0; i < 2; i++) {
      assertThat(post("/api/v1/auth/email/resend", null, login.accessToken(), "192.0.2." + (i + 1)).status())
          .isEqualTo(202);
    }
    assertThrottled(post("/api/v1/auth/email/resend", null, login.accessToken(), "192.0.2.3"));
    // the registration's mail and the two resent ones
    assertThat(h.count("SELECT count(*) FROM email_verifications WHERE user_id = $1", login.account().id()))
        .isEqualTo(3);
  }

  @Test
  void passwordChangeIsLimitedPerAccount() {
    UserHarness.Login login = h.registerAndLogin();
    JsonObject wrong = new JsonObject().put("currentPassword", "not the password at all")
        .put("newPassword", "an entirely new passphrase");
    for (int i = 0; i < 2; i++) {
      assertThat(post("/api/v1/users/me/password", wrong, login.accessToken(), "192.0.2.20").status())
          .isEqualTo(403);
    }
    assertThrottled(post("/api/v1/users/me/password", wrong, login.accessToken(), "192.0.2.21"));
  }

  @Test
  void refreshIsLimitedPerPresentedToken() {
    UserHarness.Login login = h.registerAndLogin();
    JsonObject stale = new JsonObject().put("refreshToken", "x".repeat(43));
    for (int i = 0; i < 2; i++) {
      assertThat(post("/api/v1/auth/refresh", stale, null, "192.0.2.30").status()).isEqualTo(401);
    }
    assertThrottled(post("/api/v1/auth/refresh", stale, null, "192.0.2.31"));
    TestClient.Response fresh = post("/api/v1/auth/refresh",
        new JsonObject().put("refreshToken", login.refreshToken()), null, "192.0.2.30");
    assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
  }

  @Test
  void loginGuessesFromOneAddressAreThrottledWithoutLockingTheOwnerOut() {
    UserHarness.Account a = h.register();
    String guesser = "198.51.100.77";
    JsonObject guess = new JsonObject().put("login", a.email()).put("password", "wrong guess number one");
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/v1/auth/login", guess, null, guesser).status()).isEqualTo(401);
    }
    assertThrottled(post("/api/v1/auth/login", guess, null, guesser));
    TestClient.Response owner = post("/api/v1/auth/login",
        new JsonObject().put("login", a.email()).put("password", a.password()), null, "198.51.100.78");
    assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
  }
}
