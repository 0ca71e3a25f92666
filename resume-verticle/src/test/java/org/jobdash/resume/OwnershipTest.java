package org.jobdash.resume;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Another user's résumé is a 404 on every route, never a 403, and never its data; nothing of it changes. */
@ExtendWith(BlockedThreadGuard.class)
class OwnershipTest {

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
    h.vertx.eventBus().<JsonObject>consumer(Addresses.AI_RESUME_OPTIMIZE, m -> {
      OptimizeResume ask = OptimizeResume.fromJson(m.body());
      m.reply(new OptimizationResult(ask.requestId(), ask.content() + "\nMore", null, 40, 60, "t", null, 1).toJson());
    }).completion().await();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  record Call(HttpMethod method, String path, Object body) {}

  @Test
  void anotherUsersResumeIs404OnEveryRoute() {
    ResumeHarness.Caller owner = h.newUser();
    ResumeHarness.Caller intruder = h.newUser();
    String id = h.upload(owner, "owner.pdf", Documents.pdf("Owner's private CV"), "application/pdf").json()
        .getString("id");
    h.http.patch("/api/v1/resumes/" + id, new JsonObject().put("content", "Owner's second text"), owner.token());
    String oid = h.http.post("/api/v1/resumes/" + id + "/optimizations", new JsonObject(), owner.token()).json()
        .getString("id");
    ResumeHarness.eventually("the owner's optimisation completes", () -> "completed".equals(
        h.http.get("/api/v1/resumes/optimizations/" + oid, owner.token()).json().getString("status")));
    Row before = h.sql("SELECT title, content, current_version, updated_at FROM resumes WHERE id = $1",
        UUID.fromString(id)).iterator().next();

    String base = "/api/v1/resumes/" + id;
    List<Call> calls = List.of(
        new Call(HttpMethod.GET, base, null),
        new Call(HttpMethod.GET, base + "/file", null),
        new Call(HttpMethod.GET, base + "/status", null),
        new Call(HttpMethod.PATCH, base, new JsonObject().put("title", "Stolen").put("content", "Overwritten")),
        new Call(HttpMethod.DELETE, base, null),
        new Call(HttpMethod.GET, base + "/versions", null),
        new Call(HttpMethod.GET, base + "/versions/1", null),
        new Call(HttpMethod.GET, base + "/versions/compare?from=1&to=2", null),
        new Call(HttpMethod.POST, base + "/versions/1/restore", null),
        new Call(HttpMethod.GET, base + "/analyses", null),
        new Call(HttpMethod.POST, base + "/optimizations", new JsonObject()),
        new Call(HttpMethod.GET, base + "/optimizations", null),
        new Call(HttpMethod.GET, "/api/v1/resumes/optimizations/" + oid, null),
        new Call(HttpMethod.POST, "/api/v1/resumes/optimizations/" + oid + "/feedback",
            new JsonObject().put("rating", 1)));

    for (Call call : calls) {
      TestClient.Response r = h.http.send(call.method(), call.path(), intruder.token(), call.body(), Map.of());
      assertThat(r.status()).as(call.method() + " " + call.path() + " -> " + r).isEqualTo(404);
      assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(r.text()).doesNotContain("Owner's");
    }

    Row after = h.sql("SELECT title, content, current_version, updated_at FROM resumes WHERE id = $1",
        UUID.fromString(id)).iterator().next();
    assertThat(after.getString("title")).isEqualTo(before.getString("title"));
    assertThat(after.getString("content")).isEqualTo(before.getString("content"));
    assertThat(after.getInteger("current_version")).isEqualTo(before.getInteger("current_version"));
    assertThat(after.getOffsetDateTime("updated_at")).isEqualTo(before.getOffsetDateTime("updated_at"));
    assertThat(h.count("SELECT count(*) FROM resume_optimizations WHERE resume_id = $1", UUID.fromString(id)))
        .isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM optimization_feedback WHERE optimization_id = $1", UUID.fromString(oid)))
        .isZero();
    assertThat(h.storedFiles(owner.id())).hasSize(1);
    TestClient.Response mine = h.http.get("/api/v1/resumes", intruder.token());
    assertThat(mine.json().getJsonArray("items")).isEmpty();
    assertThat(h.http.get(base, owner.token()).status()).isEqualTo(200);
  }

  @Test
  void requestsWithoutAValidTokenAre401() {
    assertThat(h.http.get("/api/v1/resumes", null).status()).isEqualTo(401);
    assertThat(h.http.get("/api/v1/resumes", "not-a-token").status()).isEqualTo(401);
    TestClient.Response r = h.http.get("/api/v1/resumes/" + UUID.randomUUID(), "eyJhbGciOiJub25lIn0.e30.");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
  }
}
