package org.jobdash.ai;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.bus.AnalyzeResume;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;
import org.jobdash.common.work.BoundedWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Work that runs past {@code ai.limits.taskDeadlineMs} stops and frees its worker: over HTTP the request gets the 422
 * problem, over the event bus the analysis is published as failed, and either way the session row says it failed.
 * The deployment's deadline is 1 ms, far below what any of these texts takes to process.
 */
@ExtendWith(BlockedThreadGuard.class)
class TaskDeadlineTest {

  static AiHarness h;
  static final LinkedBlockingQueue<JsonObject> completed = new LinkedBlockingQueue<>();
  /** About 90,000 characters of an ordinary résumé. */
  static final String LONG_RESUME = Resumes.NURSE.repeat(90_000 / Resumes.NURSE.length());

  @BeforeAll
  static void start() {
    h = AiHarness.start(new JsonObject().put("limits", new JsonObject().put("taskDeadlineMs", 1)));
    MessageConsumer<JsonObject> analyses = h.vertx.eventBus().consumer(Addresses.RESUME_ANALYSIS_COMPLETED,
        m -> completed.add(m.body()));
    analyses.completion().await();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertDeadlineProblem(TestClient.Response r) {
    EmbeddingsTest.assertProblem(r, 422);
    assertThat(r.json().getString("type")).isEqualTo("https://jobdash.dev/problems/processing-time-exceeded");
    assertThat(r.json().getString("detail")).contains("longer than 1 ms");
  }

  private static long failedSessions(AiHarness.Caller me, String operation) {
    return h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND operation = $2 "
        + "AND status = 'failed' AND error_message LIKE '%longer than 1 ms%'", me.id(), operation);
  }

  @Test
  void httpWorkPastItsDeadlineIs422AndASessionThatFailed() {
    AiHarness.Caller me = h.caller();
    assertDeadlineProblem(h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text", LONG_RESUME),
        me.token()));
    assertDeadlineProblem(h.http.post("/api/v1/ai/skills", new JsonObject().put("text", LONG_RESUME), me.token()));
    assertDeadlineProblem(h.http.post("/api/v1/ai/job-match", new JsonObject().put("resumeText", LONG_RESUME)
        .put("jobDescription", Resumes.NURSING_JOB), me.token()));
    assertDeadlineProblem(h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText", LONG_RESUME),
        me.token()));
    JsonArray items = new JsonArray();
    for (int i = 0; i < 1000; i++) {
      items.add(new JsonObject().put("sourceType", "custom").put("vector", EmbeddingsTest.randomVector(new Random(i))));
    }
    assertDeadlineProblem(h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", items),
        me.token()));

    for (String operation : new String[] {"content_analysis", "skill_analysis", "job_match", "optimization",
        "embedding"}) {
      assertThat(failedSessions(me, operation)).as(operation).isEqualTo(1);
    }
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND status <> 'failed'",
        me.id())).isZero();
    assertThat(h.count("SELECT count(*) FROM content_analyses WHERE user_id = $1", me.id())).isZero();
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isZero();
    BoundedWorker decoding = h.deployment.decoding();
    Waits.until(() -> h.inference().pending() + decoding.pending(), pending -> pending == 0, Duration.ofSeconds(10));
  }

  @Test
  void anAnalysisPastItsDeadlineIsPublishedAsFailed() {
    AiHarness.Caller me = h.caller();
    UUID requestId = UUID.randomUUID();
    UUID resumeId = UUID.randomUUID();
    h.vertx.eventBus().send(Addresses.AI_RESUME_ANALYZE, new AnalyzeResume(requestId, resumeId, me.id(), "Nurse",
        LONG_RESUME).toJson());

    JsonObject outcome = Waits.take(completed, m -> requestId.toString().equals(m.getString("requestId")),
        "the analysis of " + requestId);
    AnalysisCompleted failed = AnalysisCompleted.fromJson(outcome);
    assertThat(failed.status()).isEqualTo(AnalysisCompleted.FAILED);
    assertThat(failed.error()).contains("longer than 1 ms");
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE request_id = $1 AND status = 'failed' "
        + "AND error_message LIKE '%longer than 1 ms%'", requestId)).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isZero();
  }

  @Test
  void anOptimisationRequestPastItsDeadlineIsRefusedWith422() {
    AiHarness.Caller me = h.caller();
    UUID requestId = UUID.randomUUID();
    ReplyException refused = catchThrowableOfType(ReplyException.class, () -> h.vertx.eventBus().request(
        Addresses.AI_RESUME_OPTIMIZE, new OptimizeResume(requestId, UUID.randomUUID(), me.id(), LONG_RESUME, null,
            null, null).toJson()).await());
    assertThat(refused.failureCode()).isEqualTo(422);
    assertThat(failedSessions(me, "optimization")).isEqualTo(1);
  }
}
