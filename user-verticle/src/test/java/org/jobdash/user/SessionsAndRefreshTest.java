package org.jobdash.user;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class SessionsAndRefreshTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private TestClient.Response refresh(String token) {
    return h.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", token), null);
  }

  @Test
  void refreshRotatesTheTokenAndRevokesTheOldOne() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response r = refresh(l.refreshToken());

    assertThat(r.status()).isEqualTo(200);
    String next = r.json().getString("refreshToken");
    assertThat(next).isNotEqualTo(l.refreshToken());
    assertThat(r.json().getString("accessToken")).isNotBlank();
    assertThat(h.http.get("/api/v1/users/me", r.json().getString("accessToken")).status()).isEqualTo(200);
    var old = h.sql("SELECT used_at IS NOT NULL, replaced_by FROM refresh_tokens WHERE session_id = $1 "
        + "AND parent_id IS NULL", l.sessionId()).iterator().next();
    assertThat(old.getBoolean(0)).isTrue();
    assertThat(old.getUUID(1)).isNotNull();
    assertThat(refresh(next).status()).isEqualTo(200);
  }

  @Test
  void refreshWithARotatedTokenRevokesTheWholeSession() {
    UserHarness.Login l = h.registerAndLogin();
    String second = refresh(l.refreshToken()).json().getString("refreshToken");

    TestClient.Response reuse = refresh(l.refreshToken());
    assertThat(reuse.status()).isEqualTo(401);
    assertThat(reuse.json().getString("detail")).contains("already used");
    assertThat(refresh(second).status()).isEqualTo(401);
    assertThat(h.count("SELECT count(*) FROM refresh_tokens WHERE session_id = $1 AND revoked_at IS NULL",
        l.sessionId())).isZero();
    assertThat(h.sql("SELECT revoked_reason FROM user_sessions WHERE id = $1", l.sessionId()).iterator().next()
        .getString(0)).isEqualTo("refresh_token_reuse");
    assertThat(h.http.get("/api/v1/users/me", l.accessToken()).status()).isEqualTo(401);
  }

  @Test
  void ofConcurrentRefreshesWithOneTokenExactlyOneSucceeds() {
    UserHarness.Login l = h.registerAndLogin();
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(h.http.webClient().post("/api/v1/auth/refresh")
          .sendJsonObject(new JsonObject().put("refreshToken", l.refreshToken())));
    }
    Future.join(calls).await();
    long ok = calls.stream().filter(f -> f.result().statusCode() == 200).count();
    long refused = calls.stream().filter(f -> f.result().statusCode() == 401).count();

    assertThat(ok).isEqualTo(1);
    assertThat(refused).isEqualTo(7);
    assertThat(h.count("SELECT count(*) FROM refresh_tokens WHERE session_id = $1", l.sessionId())).isEqualTo(2);
  }

  @Test
  void expiredAndGarbageRefreshTokensAreRefused() {
    UserHarness.Login l = h.registerAndLogin();
    h.sql("UPDATE refresh_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE session_id = $1", l.sessionId());
    assertThat(refresh(l.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh("not-a-token").status()).isEqualTo(401);
    assertThat(refresh("A".repeat(43)).status()).isEqualTo(401);
  }

  @Test
  void logoutEndsThisSessionOnly() {
    UserHarness.Account a = h.register();
    UserHarness.Login one = h.login(a);
    UserHarness.Login two = h.login(a);

    assertThat(h.http.post("/api/v1/auth/logout", null, one.accessToken()).status()).isEqualTo(204);
    assertThat(h.http.get("/api/v1/users/me", one.accessToken()).status()).isEqualTo(401);
    assertThat(refresh(one.refreshToken()).status()).isEqualTo(401);
    assertThat(h.http.get("/api/v1/users/me", two.accessToken()).status()).isEqualTo(200);
    assertThat(refresh(two.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void logoutAllEndsEverySession() {
    UserHarness.Account a = h.register();
    UserHarness.Login one = h.login(a);
    UserHarness.Login two = h.login(a);

    TestClient.Response r = h.http.post("/api/v1/auth/logout-all", null, one.accessToken());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getLong("sessionsEnded")).isEqualTo(2L);
    assertThat(h.http.get("/api/v1/users/me", two.accessToken()).status()).isEqualTo(401);
    assertThat(refresh(two.refreshToken()).status()).isEqualTo(401);
    assertThat(h.count("SELECT count(*) FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL", a.id()))
        .isZero();
  }

  @Test
  void sessionsListShowsMineAndMarksTheCurrentOne() {
    UserHarness.Account a = h.register();
    UserHarness.Login one = h.login(a);
    UserHarness.Login two = h.login(a);
    UserHarness.Login stranger = h.registerAndLogin();

    JsonArray items = h.http.get("/api/v1/auth/sessions", two.accessToken()).json().getJsonArray("items");
    assertThat(items).hasSize(2);
    JsonObject current = items.stream().map(JsonObject.class::cast)
        .filter(s -> s.getBoolean("current")).findFirst().orElseThrow();
    assertThat(current.getString("id")).isEqualTo(two.sessionId().toString());
    assertThat(current.getString("ipAddress")).isEqualTo("127.0.0.1");
    assertThat(current.getString("createdAt")).isNotNull();
    assertThat(current.getString("lastActiveAt")).isNotNull();

    assertThat(h.http.delete("/api/v1/auth/sessions/" + stranger.sessionId(), two.accessToken()).status())
        .isEqualTo(404);
    assertThat(h.http.delete("/api/v1/auth/sessions/" + one.sessionId(), two.accessToken()).status()).isEqualTo(204);
    assertThat(h.http.get("/api/v1/users/me", one.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.get("/api/v1/users/me", stranger.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void cleanupRemovesLongExpiredRowsAndKeepsRecentlyRevokedOnes() {
    UserHarness.Account a = h.register();
    UserHarness.Login old = h.login(a);
    UserHarness.Login recent = h.login(a);
    h.sql("UPDATE user_sessions SET expires_at = now() - interval '30 days', created_at = now() - interval '60 days' "
        + "WHERE id = $1", old.sessionId());
    h.sql("UPDATE refresh_tokens SET expires_at = now() - interval '30 days', created_at = now() - interval '60 days' "
        + "WHERE session_id = $1", old.sessionId());
    h.http.post("/api/v1/auth/logout", null, recent.accessToken());

    JsonObject removed = (JsonObject) h.sql("SELECT cleanup_expired_auth_data()").iterator().next().getValue(0);
    assertThat(removed.getLong("sessions")).isGreaterThanOrEqualTo(1L);
    assertThat(h.count("SELECT count(*) FROM user_sessions WHERE id = $1", old.sessionId())).isZero();
    assertThat(h.count("SELECT count(*) FROM user_sessions WHERE id = $1", recent.sessionId())).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM refresh_tokens WHERE session_id = $1", recent.sessionId())).isEqualTo(1);
  }
}
