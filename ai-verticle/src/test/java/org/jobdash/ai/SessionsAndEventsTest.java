package org.jobdash.ai;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.bus.AnalyzeResume;
import org.jobdash.common.bus.UserDeleted;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class SessionsAndEventsTest {

  static AiHarness h;
  static final LinkedBlockingQueue<JsonObject> completed = new LinkedBlockingQueue<>();
  static final LinkedBlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    h = AiHarness.start();
    MessageConsumer<JsonObject> analyses = h.vertx.eventBus().consumer(Addresses.RESUME_ANALYSIS_COMPLETED,
        m -> completed.add(m.body()));
    MessageConsumer<JsonObject> deletions = h.vertx.eventBus().consumer(Addresses.USER_DELETION_ACK,
        m -> acks.add(m.body()));
    analyses.completion().await();
    deletions.completion().await();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void work(AiHarness.Caller me) {
    assertThat(h.http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray().add("Welder, TIG")),
        me.token()).status()).isEqualTo(201);
    assertThat(h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText", OptimizationTest.COOK),
        me.token()).status()).isEqualTo(201);
    assertThat(h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text", Resumes.NURSE),
        me.token()).status()).isEqualTo(201);
  }

  private static JsonObject next(LinkedBlockingQueue<JsonObject> queue) throws InterruptedException {
    JsonObject m = queue.poll(30, TimeUnit.SECONDS);
    assertThat(m).as("an event-bus message").isNotNull();
    return m;
  }

  @Test
  void anotherUsersSessionsAndHistoryAreNeverReturned() {
    AiHarness.Caller alice = h.caller();
    AiHarness.Caller bob = h.caller();
    work(alice);

    JsonArray mine = h.http.get("/api/v1/ai/sessions", alice.token()).json().getJsonArray("items");
    assertThat(mine).hasSize(3);
    assertThat(h.http.get("/api/v1/ai/sessions", bob.token()).json().getJsonArray("items")).isEmpty();
    assertThat(h.http.get("/api/v1/ai/history", bob.token()).json().getJsonArray("items")).isEmpty();
    assertThat(h.http.get("/api/v1/ai/history", alice.token()).json().getJsonArray("items")).hasSize(1);
    assertThat(h.http.get("/api/v1/ai/sessions/stats", bob.token()).json().getJsonArray("operations")).isEmpty();
    assertThat(h.http.get("/api/v1/ai/sessions/stats", alice.token()).json().getJsonArray("operations")).hasSize(3);
    assertThat(h.http.get("/api/v1/ai/history/stats", bob.token()).json().getLong("totalEntries")).isZero();
    assertThat(h.http.get("/api/v1/ai/insights", bob.token()).json().getInteger("total_optimizations")).isZero();
    TestClient.Response search = h.http.post("/api/v1/ai/embeddings/search", new JsonObject().put("text", "welding"),
        bob.token());
    assertThat(search.json().getJsonArray("items")).isEmpty();
  }

  @Test
  void theReportsOfTheCallersWorkCountItAndGiveTimesInUtc() {
    AiHarness.Caller me = h.caller();
    work(me);
    JsonArray operations = h.http.get("/api/v1/ai/sessions/stats", me.token()).json().getJsonArray("operations");
    JsonObject optimization = operations.stream().map(JsonObject.class::cast)
        .filter(o -> "optimization".equals(o.getString("operation"))).findFirst().orElseThrow();
    assertThat(optimization.getLong("totalSessions")).isEqualTo(1);
    assertThat(optimization.getString("lastSessionAt")).endsWith("Z");
    JsonObject stats = h.http.get("/api/v1/ai/history/stats?days=7", me.token()).json();
    assertThat(stats.getLong("totalEntries")).isEqualTo(1);
    assertThat(stats.getJsonObject("actions").getLong("optimized")).isEqualTo(1);
    assertThat(stats.getJsonArray("dailyActivity")).hasSize(1);
    assertThat(stats.getString("periodEnd")).endsWith("Z");
    JsonObject insights = h.http.get("/api/v1/ai/insights", me.token()).json();
    assertThat(insights.getLong("total_optimizations")).isEqualTo(1);
    assertThat(insights.getString("user_id")).isEqualTo(me.id().toString());
    assertThat(insights.getString("last_optimization_at")).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z");
    assertThat(insights.getJsonObject("most_used_template").getLong("uses")).isEqualTo(1);
    assertThat(insights.getValue("preferences")).isNull();
    JsonObject entry = h.http.get("/api/v1/ai/history", me.token()).json().getJsonArray("items").getJsonObject(0);
    assertThat(entry.getString("templateName")).isNotBlank();
    assertThat(entry.getString("createdAt")).endsWith("Z");
  }

  @Test
  void sessionsArePagedNewestFirstWithACursor() {
    AiHarness.Caller me = h.caller();
    work(me);
    TestClient.Response first = h.http.get("/api/v1/ai/sessions?limit=2", me.token());
    assertThat(first.json().getJsonArray("items")).hasSize(2);
    String cursor = first.json().getString("nextCursor");
    assertThat(cursor).isNotNull();
    TestClient.Response second = h.http.get("/api/v1/ai/sessions?limit=2&cursor=" + cursor, me.token());
    assertThat(second.json().getJsonArray("items")).hasSize(1);
    assertThat(second.json().getString("nextCursor")).isNull();
    Set<String> ids = new HashSet<>();
    first.json().getJsonArray("items").forEach(o -> ids.add(((JsonObject) o).getString("id")));
    second.json().getJsonArray("items").forEach(o -> ids.add(((JsonObject) o).getString("id")));
    assertThat(ids).hasSize(3);
    assertThat(second.json().getJsonArray("items").getJsonObject(0).getString("operation")).isEqualTo("embedding");
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/sessions?cursor=garbage", me.token()), 400);
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/sessions?limit=500", me.token()), 400);
  }

  @Test
  void modelsAndTheirDailyPerformanceAreListed() {
    AiHarness.Caller me = h.caller();
    work(me);
    JsonArray models = h.http.get("/api/v1/ai/models", me.token()).json().getJsonArray("items");
    assertThat(models.size()).isGreaterThanOrEqualTo(9);
    String local = models.stream().map(JsonObject.class::cast)
        .filter(m -> "all-minilm-l6-v2-q".equals(m.getString("modelName"))).findFirst().orElseThrow().getString("id");
    TestClient.Response perf = h.http.get("/api/v1/ai/models/" + local + "/performance?days=7", me.token());
    assertThat(perf.status()).as(perf.toString()).isEqualTo(200);
    JsonObject embedding = perf.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(r -> "embedding".equals(r.getString("operation"))).findFirst().orElseThrow();
    assertThat(embedding.getLong("requestCount")).isGreaterThanOrEqualTo(1);
    assertThat(embedding.getLong("inputTokens")).isGreaterThan(0);
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/models/" + UUID.randomUUID() + "/performance", me.token()), 404);
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/models/" + local + "/performance?days=0", me.token()), 400);
  }

  @Test
  void aResumeAnalysisIsDoneOncePerRequestAndPublished() throws Exception {
    AiHarness.Caller me = h.caller();
    UUID resumeId = UUID.randomUUID();
    UUID requestId = UUID.randomUUID();
    completed.clear();
    JsonObject request = new AnalyzeResume(requestId, resumeId, me.id(), "Nurse", Resumes.NURSE).toJson();

    h.vertx.eventBus().send(Addresses.AI_RESUME_ANALYZE, request);
    AnalysisCompleted first = AnalysisCompleted.fromJson(next(completed));
    h.vertx.eventBus().send(Addresses.AI_RESUME_ANALYZE, request);
    AnalysisCompleted second = AnalysisCompleted.fromJson(next(completed));

    assertThat(first.status()).isEqualTo(AnalysisCompleted.COMPLETED);
    assertThat(first.requestId()).isEqualTo(requestId);
    assertThat(first.skills().stream().map(s -> ((JsonObject) s).getString("name")))
        .contains("Basic Life Support", "Nursing");
    assertThat(first.overallScore()).isBetween(1.0, 100.0);
    assertThat(second.toJson()).isEqualTo(first.toJson());
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE request_id = $1 AND status = 'completed' "
        + "AND operation = 'resume_analysis'", requestId)).isEqualTo(1);
    long chunks = h.count("SELECT count(*) FROM embeddings WHERE user_id = $1 AND source_type = 'resume_chunk' "
        + "AND source_id = $2", me.id(), resumeId);
    assertThat(chunks).isGreaterThanOrEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM skill_analyses WHERE resume_id = $1", resumeId)).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM content_analyses WHERE resume_id = $1", resumeId)).isEqualTo(1);

    UUID nextRequest = UUID.randomUUID();
    h.vertx.eventBus().send(Addresses.AI_RESUME_ANALYZE, new AnalyzeResume(nextRequest, resumeId, me.id(), "Nurse",
        Resumes.NURSE + "\nVolunteer\nFree clinic, 4 hours a week\n").toJson());
    assertThat(AnalysisCompleted.fromJson(next(completed)).requestId()).isEqualTo(nextRequest);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1 AND source_type = 'resume_chunk' "
        + "AND source_id = $2", me.id(), resumeId)).isEqualTo(chunks);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE source_id = $1 AND session_id = (SELECT id FROM "
        + "ai_processing_sessions WHERE request_id = $2)", resumeId, nextRequest)).isEqualTo(chunks);
  }

  @Test
  void anEmptyResumeIsPublishedAsAFailedAnalysis() throws Exception {
    AiHarness.Caller me = h.caller();
    UUID requestId = UUID.randomUUID();
    completed.clear();
    h.vertx.eventBus().send(Addresses.AI_RESUME_ANALYZE, new AnalyzeResume(requestId, UUID.randomUUID(), me.id(), "x",
        "  ").toJson());
    AnalysisCompleted failed = AnalysisCompleted.fromJson(next(completed));
    assertThat(failed.status()).isEqualTo(AnalysisCompleted.FAILED);
    assertThat(failed.error()).contains("no text");
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE request_id = $1 AND status = 'failed'",
        requestId)).isEqualTo(1);
  }

  @Test
  void aDeletedUsersDataIsPurgedOnceAndAcknowledged() throws Exception {
    AiHarness.Caller gone = h.caller();
    AiHarness.Caller stays = h.caller();
    work(gone);
    work(stays);
    acks.clear();

    h.vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(gone.id(), Instant.now()).toJson());
    JsonObject ack = next(acks);
    assertThat(ack.getString("userId")).isEqualTo(gone.id().toString());
    assertThat(ack.getString("service")).isEqualTo("ai");
    assertThat(ack.getLong("removed")).isGreaterThan(5);
    for (String table : new String[] {"ai_processing_sessions", "embeddings", "resume_optimizations",
        "optimization_history", "content_analyses"}) {
      assertThat(h.count("SELECT count(*) FROM " + table + " WHERE user_id = $1", gone.id())).as(table).isZero();
      assertThat(h.count("SELECT count(*) FROM " + table + " WHERE user_id = $1", stays.id())).as(table).isPositive();
    }
    assertThat(acks).isEmpty();

    h.vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(gone.id(), Instant.now()).toJson());
    assertThat(next(acks).getLong("removed")).isZero();
  }

  @Test
  void healthAndTheOpenApiDocumentAnswer() {
    TestClient.Response ready = h.http.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonObject("checks").getString("model")).isEqualTo("all-minilm-l6-v2-q");
    String openapi = h.http.get("/openapi.yaml", null).text();
    assertThat(openapi).startsWith("openapi: 3.1").contains("/api/v1/ai/job-match", "/api/v1/ai/embeddings/batch");
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/sessions", null), 401);
  }
}
