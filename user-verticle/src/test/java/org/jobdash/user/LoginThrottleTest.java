package org.jobdash.user;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guesses over real HTTP: counted per identifier whether or not an account has it, the same 429 for both,
 * reserved before hashing, a doubling delay with a cap and never a lock; password change and deletion count too.
 */
@ExtendWith(BlockedThreadGuard.class)
class LoginThrottleTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    // the buckets are wide open: what is tested here is the delay per identifier
    JsonObject open = new JsonObject().put("perAddress", new JsonObject().put("capacity", 10_000))
        .put("perIdentifier", new JsonObject().put("capacity", 10_000))
        .put("perAddressAndIdentifier", new JsonObject().put("capacity", 10_000));
    h = UserHarness.start(new JsonObject().put("rateLimits", new JsonObject()
        .put("enabled", true)
        .put("login", open).put("passwordChange", open).put("accountDeletion", open)
        .put("loginFailures", new JsonObject().put("freeAttempts", 3).put("firstDelaySeconds", 30)
            .put("maxDelaySeconds", 100).put("windowMinutes", 15))));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static TestClient.Response login(String login, String password) {
    return h.http.post("/api/v1/auth/login", new JsonObject().put("login", login).put("password", password), null);
  }

  /** Lets the identifier's delay pass, as if its time had gone by. */
  private static void delayPasses() {
    h.sql("UPDATE login_throttle SET next_attempt_at = now() - interval '1 second'");
  }

  @Test
  void knownAndUnknownIdentifiersGetTheSameThrottledAnswer() {
    UserHarness.Account a = h.register();
    List<TestClient.Response> refused = new ArrayList<>();
    for (String identifier : new String[] {a.email(), UserHarness.unique("ghost") + "@example.com"}) {
      for (int i = 0; i < 3; i++) {
        assertThat(login(identifier, "a wrong guess here").status()).isEqualTo(401);
      }
      refused.add(login(identifier, "a wrong guess here"));
    }
    for (TestClient.Response r : refused) {
      assertThat(r.status()).as(r.toString()).isEqualTo(429);
      assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(25L, 31L);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(refused.get(0).json().encode()).isEqualTo(refused.get(1).json().encode());
  }

  @Test
  void theDelayDoublesUpToItsCapAndTheRightPasswordClearsIt() {
    UserHarness.Account a = h.register();
    for (int i = 0; i < 3; i++) {
      login(a.username(), "a wrong guess here");
    }
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestClient.Response r = login(a.email(), "a wrong guess here");
      waits.add(Long.parseLong(r.header("Retry-After")));
      delayPasses();
      assertThat(login(a.email(), "a wrong guess here").status()).isEqualTo(401);
    }
    TestClient.Response last = login(a.email(), a.password());
    // e-mail and username name one account: 30 s after the third failure, then 60, then 100 (the cap), not a lock
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(25L, 31L);
    assertThat(waits.get(1)).isBetween(55L, 61L);
    assertThat(waits.get(2)).isBetween(95L, 101L);
    assertThat(last.status()).isEqualTo(429);
    assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(95L, 101L);

    delayPasses();
    assertThat(login(a.email(), a.password()).status()).isEqualTo(200);
    assertThat(login(a.email(), "a wrong guess here").status()).as("counting starts again").isEqualTo(401);
  }

  @Test
  void aBurstOfConcurrentGuessesIsNotJudgedInOneWindow() {
    UserHarness.Account a = h.register();
    List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      burst.add(h.http.webClient().post(h.http.port(), "127.0.0.1", "/api/v1/auth/login")
          .sendJsonObject(new JsonObject().put("login", a.email()).put("password", "burst guess " + i)));
    }
    Future.join(burst).await();
    long judged = burst.stream().filter(f -> f.result().statusCode() == 401).count();
    long throttled = burst.stream().filter(f -> f.result().statusCode() == 429).count();
    assertThat(judged).isEqualTo(3);
    assertThat(throttled).isEqualTo(37);
  }

  @Test
  void wrongCurrentPasswordsOfAPasswordChangeCountLikeSignIns() {
    UserHarness.Login l = h.registerAndLogin();
    JsonObject change = new JsonObject().put("currentPassword", "not the password").put("newPassword",
        "an entirely new passphrase");
    for (int i = 0; i < 3; i++) {
      assertThat(h.http.post("/api/v1/users/me/password", change, l.accessToken()).status()).isEqualTo(403);
    }
    assertThat(h.http.post("/api/v1/users/me/password", change, l.accessToken()).status()).isEqualTo(429);
    assertThat(login(l.account().email(), l.account().password()).status()).isEqualTo(429);
  }

  @Test
  void deletingTheAccountAsksForItsPassword() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response none = h.http.delete("/api/v1/users/me", l.accessToken());
    TestClient.Response wrong = h.http.send(HttpMethod.DELETE, "/api/v1/users/me", l.accessToken(),
        new JsonObject().put("password", "not the password"), Map.of());
    assertThat(none.status()).isEqualTo(400);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(h.count("SELECT count(*) FROM users WHERE id = $1", l.account().id())).isEqualTo(1);
    assertThat(h.deleteAccount(l).status()).isEqualTo(204);
    assertThat(h.count("SELECT count(*) FROM users WHERE id = $1", l.account().id())).isZero();
  }
}
