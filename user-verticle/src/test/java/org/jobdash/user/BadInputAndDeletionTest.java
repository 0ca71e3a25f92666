package org.jobdash.user;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class BadInputAndDeletionTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertProblem(TestClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getInteger("status")).isEqualTo(status);
    assertThat(r.json().getString("title")).isNotBlank();
    assertThat(r.json().getString("detail")).isNotBlank();
  }

  @Test
  void malformedMissingAndMistypedBodiesAre400() {
    assertProblem(h.http.post("/api/v1/auth/register", "{\"email\": ", null), 400);
    assertProblem(h.http.post("/api/v1/auth/register", "[1,2,3]", null), 400);
    assertProblem(h.http.post("/api/v1/auth/register", null, null), 400);
    TestClient.Response missing = h.http.post("/api/v1/auth/register", new JsonObject(), null);
    assertProblem(missing, 400);
    assertThat(missing.json().getJsonArray("errors").stream().map(JsonObject.class::cast).map(e -> e.getString("field")))
        .contains("email", "username", "password");
    TestClient.Response types = h.http.post("/api/v1/auth/register", new JsonObject().put("email", 42)
        .put("username", new JsonArray()).put("password", true), null);
    assertProblem(types, 400);
    assertThat(types.json().getJsonArray("errors")).hasSize(3);
    assertProblem(h.http.post("/api/v1/auth/login", new JsonObject().put("login", "x").put("password", 1), null), 400);
    assertProblem(h.http.post("/api/v1/auth/register", new JsonObject().put("email", "not-an-email")
        .put("username", "ok_name").put("password", "long enough passphrase"), null), 400);
    assertProblem(h.http.post("/api/v1/auth/register", new JsonObject().put("email", "a\u0000b@example.com")
        .put("username", "ok_name").put("password", "long enough passphrase"), null), 400);
  }

  @Test
  void aOneMegabyteBodyIsRefusedWith413() {
    String big = "{\"email\":\"" + "a".repeat(1_100_000) + "\"}";
    assertProblem(h.http.post("/api/v1/auth/register", Buffer.buffer(big), null), 413);
    String nearlyBig = "{\"login\":\"" + "a".repeat(900_000) + "\",\"password\":\"x\"}";
    assertProblem(h.http.post("/api/v1/auth/login", nearlyBig, null), 400);
  }

  @Test
  void unknownRoutesAndBadIdsAreProblems() {
    UserHarness.Login l = h.registerAndLogin();
    assertProblem(h.http.get("/api/v1/nothing-here", null), 404);
    assertProblem(h.http.delete("/api/v1/auth/sessions/not-a-uuid", l.accessToken()), 404);
    assertProblem(h.http.get("/api/v1/admin/users?limit=abc", l.accessToken()), 403);
  }

  @Test
  void deletingTheAccountCascadesAndIsPublished() throws Exception {
    UserHarness.Login l = h.registerAndLogin();
    h.http.put("/api/v1/users/me/profile", new JsonObject().put("headline", "Electrician"), l.accessToken());
    h.http.put("/api/v1/users/me/preferences", new JsonObject().put("remotePreference", "onsite"), l.accessToken());
    h.deletions.clear();

    assertThat(h.deleteAccount(l).status()).isEqualTo(204);

    for (String table : new String[] {"users WHERE id", "user_sessions WHERE user_id", "refresh_tokens WHERE user_id",
        "user_profiles WHERE user_id", "user_preferences WHERE user_id", "email_verifications WHERE user_id"}) {
      assertThat(h.count("SELECT count(*) FROM " + table + " = $1", l.account().id())).as(table).isZero();
    }
    JsonObject event = h.deletions.poll(5, TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.getString("userId")).isEqualTo(l.account().id().toString());
    assertThat(event.getInteger("version")).isEqualTo(1);
    assertThat(h.http.get("/api/v1/users/me", l.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", l.account().email())
        .put("password", l.account().password()), null).status()).isEqualTo(401);
  }

  @Test
  void aDeletionIsRepublishedUntilEveryServiceAcknowledgesIt() throws Exception {
    UserHarness.Login l = h.registerAndLogin();
    String id = l.account().id().toString();
    assertThat(h.deleteAccount(l).status()).isEqualTo(204);
    assertThat(h.count("SELECT count(*) FROM user_deletions WHERE user_id = $1 AND completed_at IS NULL",
        l.account().id())).isEqualTo(1);

    long seen = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (seen < 2 && System.nanoTime() < deadline) {
      JsonObject event = h.deletions.poll(1, TimeUnit.SECONDS);
      if (event != null && id.equals(event.getString("userId"))) {
        seen++;
      }
    }
    assertThat(seen).as("published, then re-published while unacknowledged").isEqualTo(2);

    for (String service : new String[] {"resume", "ai", "resume"}) {
      h.vertx.eventBus().send(org.jobdash.common.bus.Addresses.USER_DELETION_ACK,
          new JsonObject().put("version", 1).put("userId", id).put("service", service));
    }
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (h.count("SELECT count(*) FROM user_deletions WHERE user_id = $1 AND completed_at IS NOT NULL",
        l.account().id()) == 0 && System.nanoTime() < deadline) {
      UserHarness.pause(java.time.Duration.ofMillis(100));
    }
    var row = h.sql("SELECT acknowledged_by, completed_at FROM user_deletions WHERE user_id = $1", l.account().id())
        .iterator().next();
    assertThat(row.getArrayOfStrings(0)).containsExactlyInAnyOrder("resume", "ai");
    assertThat(row.getOffsetDateTime(1)).isNotNull();
  }

  @Test
  void healthAndMetadataEndpointsAnswer() {
    assertThat(h.http.get("/health/live", null).status()).isEqualTo(200);
    TestClient.Response ready = h.http.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonObject("checks").getString("database")).isEqualTo("UP");
    assertThat(h.http.get("/openapi.yaml", null).text()).startsWith("openapi: 3.1");
  }
}
