package org.jobdash.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.SessionsRevoked;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a session ends is published on user.sessions.revoked, and a starting service can ask for them. */
@ExtendWith(BlockedThreadGuard.class)
class RevocationNoticesTest {

  static final String ADMIN = UserHarness.unique("ops") + "@example.com";
  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start(ADMIN);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void logoutPublishesItsSessionUntilItsTokensExpire() {
    UserHarness.Login l = h.registerAndLogin();
    assertThat(h.http.post("/api/v1/auth/logout", null, l.accessToken()).status()).isEqualTo(204);
    SessionsRevoked revoked = h.revocationOf(l.account().id());
    assertThat(revoked.sessionIds()).containsExactly(l.sessionId());
    assertThat(revoked.issuedBefore()).isNull();
    assertThat(revoked.until()).isBetween(now() + 899, now() + 961);
  }

  @Test
  void logoutEverywherePublishesAnAccountWideRevocation() {
    UserHarness.Account a = h.register();
    UserHarness.Login one = h.login(a);
    UserHarness.Login two = h.login(a);
    assertThat(h.http.post("/api/v1/auth/logout-all", null, one.accessToken()).status()).isEqualTo(200);
    SessionsRevoked revoked = h.revocationOf(a.id());
    assertThat(revoked.sessionIds()).containsExactlyInAnyOrder(one.sessionId(), two.sessionId());
    assertThat(revoked.issuedBefore()).isBetween(now() - 2, now());
  }

  @Test
  void aPasswordChangePublishesTheOtherSessionsOnly() {
    UserHarness.Account a = h.register();
    UserHarness.Login other = h.login(a);
    UserHarness.Login current = h.login(a);
    assertThat(h.http.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", a.password())
        .put("newPassword", "a brand new passphrase"), current.accessToken()).status()).isEqualTo(204);
    SessionsRevoked revoked = h.revocationOf(a.id());
    assertThat(revoked.sessionIds()).containsExactly(other.sessionId());
    assertThat(revoked.issuedBefore()).isNull();
  }

  @Test
  void aResetPublishesAnAccountWideRevocation() {
    UserHarness.Login l = h.registerAndLogin();
    h.http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", l.account().email()), null);
    String token = h.mailTo(l.account().email(), "password-reset").getString("token");
    assertThat(h.http.post("/api/v1/auth/password/reset", new JsonObject().put("token", token)
        .put("newPassword", "a reset passphrase here"), null).status()).isEqualTo(204);
    SessionsRevoked revoked = h.revocationOf(l.account().id());
    assertThat(revoked.sessionIds()).containsExactly(l.sessionId());
    assertThat(revoked.issuedBefore()).isNotNull();
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndRevokesItsTokens() {
    UserHarness.Login admin = h.login(h.verified(h.register(ADMIN)));
    UserHarness.Login user = h.registerAndLogin();
    TestClient.Response disabled = h.http.put("/api/v1/admin/users/" + user.account().id() + "/status",
        new JsonObject().put("active", false), admin.accessToken());
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("active")).isFalse();

    SessionsRevoked revoked = h.revocationOf(user.account().id());
    assertThat(revoked.sessionIds()).containsExactly(user.sessionId());
    assertThat(revoked.issuedBefore()).isNotNull();
    assertThat(h.http.get("/api/v1/users/me", user.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", user.refreshToken()), null)
        .status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", user.account().email())
        .put("password", user.account().password()), null).status()).isEqualTo(403);

    assertThat(h.http.put("/api/v1/admin/users/" + user.account().id() + "/status", new JsonObject(),
        admin.accessToken()).status()).isEqualTo(400);
    assertThat(h.http.put("/api/v1/admin/users/" + user.account().id() + "/status",
        new JsonObject().put("active", true), user.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.put("/api/v1/admin/users/" + user.account().id() + "/status",
        new JsonObject().put("active", true), admin.accessToken()).json().getBoolean("active")).isTrue();
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", user.account().email())
        .put("password", user.account().password()), null).status()).isEqualTo(200);
  }

  @Test
  void aDeletionRevokesEveryTokenOfTheAccountAndAStartingServiceLearnsOfIt() {
    UserHarness.Login gone = h.registerAndLogin();
    UserHarness.Login loggedOut = h.registerAndLogin();
    h.http.post("/api/v1/auth/logout", null, loggedOut.accessToken());
    assertThat(h.deleteAccount(gone).status()).isEqualTo(204);
    SessionsRevoked revoked = h.revocationOf(gone.account().id());
    assertThat(revoked.issuedBefore()).as("this second's tokens too").isGreaterThan(now());

    JsonArray current = Bus.request(h.vertx, Addresses.USER_REVOCATIONS_GET, new JsonObject(), 5_000).await()
        .getJsonArray("revocations");
    List<SessionsRevoked> all = new ArrayList<>();
    current.forEach(r -> all.add(SessionsRevoked.fromJson((JsonObject) r)));
    assertThat(all).anySatisfy(r -> {
      assertThat(r.userId()).isEqualTo(gone.account().id());
      assertThat(r.issuedBefore()).isGreaterThan(now() - 5);
    });
    assertThat(all).anySatisfy(r -> assertThat(r.sessionIds()).contains(loggedOut.sessionId()));
  }
}
