package org.jobdash.ai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.ContractAnswers;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of a journey over every operation, successes and refusals, is the one the OpenAPI document gives for
 * that operation and status: status documented, media type, body schema and headers (vertx-openapi's response
 * validator). Until every test's client checks its answers this way, this is where the document meets the code.
 */
@ExtendWith(BlockedThreadGuard.class)
class ContractAnswersTest {

  static AiHarness h;
  static ContractAnswers answers;

  @BeforeAll
  static void start() {
    h = AiHarness.start(new JsonObject().put("resumeContent", new JsonObject().put("timeoutMs", 300)));
    answers = ContractAnswers.load(h.vertx, "openapi/ai-service.yaml");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** The answer, after checking it against what the document says {@code operationId} answers with its status. */
  private static TestClient.Response checked(String operationId, TestClient.Response response) {
    return answers.check(operationId, response);
  }

  private static TestClient.Response get(String operationId, String path, String token) {
    return checked(operationId, h.http.get(path, token));
  }

  private static TestClient.Response post(String operationId, String path, Object body, String token) {
    return checked(operationId, h.http.post(path, body, token));
  }

  private static JsonArray vector(int dimensions) {
    JsonArray v = new JsonArray();
    for (int i = 0; i < dimensions; i++) {
      v.add(Math.sin(i + 1));
    }
    return v;
  }

  @Test
  void everyAnswerOfEveryOperationIsTheDocumentedOne() {
    AiHarness.Caller me = h.caller();
    AiHarness.Caller fresh = h.caller();
    String token = me.token();

    assertThat(get("getLiveness", "/health/live", null).status()).isEqualTo(200);
    assertThat(get("getReadiness", "/health/ready", null).status()).isEqualTo(200);
    assertThat(get("getOpenApiDocument", "/openapi.yaml", null).status()).isEqualTo(200);
    assertThat(get("getLiveness", "/health/live?x=%zz", null).status()).isEqualTo(400);

    // embeddings
    assertThat(post("createEmbeddings", "/api/v1/ai/embeddings", new JsonObject().put("texts",
        new JsonArray().add("TIG welding").add("Forklift licence")).put("sourceType", "skill"), token).status())
        .isEqualTo(201);
    assertThat(post("createEmbeddings", "/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray()),
        token).status()).isEqualTo(400);
    assertThat(post("createEmbeddings", "/api/v1/ai/embeddings", new JsonObject().put("texts",
        new JsonArray().add("x".repeat(100_001))), token).status()).isEqualTo(413);
    assertThat(checked("createEmbeddings", h.http.send(HttpMethod.POST, "/api/v1/ai/embeddings", token,
        Buffer.buffer("texts=x"), Map.of("Content-Type", "text/plain"))).status()).isEqualTo(415);
    assertThat(post("createEmbeddings", "/api/v1/ai/embeddings", new JsonObject(), null).status()).isEqualTo(401);
    JsonObject item = new JsonObject().put("sourceType", "custom").put("vector", vector(384))
        .put("contentText", "precomputed").put("metadata", new JsonObject().put("page", 1));
    assertThat(post("storeEmbeddingBatch", "/api/v1/ai/embeddings/batch", new JsonObject().put("model", "mine")
        .put("items", new JsonArray().add(item).add(item.copy().put("chunkIndex", 1))), token).status())
        .isEqualTo(201);
    assertThat(post("storeEmbeddingBatch", "/api/v1/ai/embeddings/batch", new JsonObject().put("items",
        new JsonArray().add(item.copy().put("vector", vector(3)))), token).status()).isEqualTo(400);
    assertThat(post("storeEmbeddingBatch", "/api/v1/ai/embeddings/batch", new JsonObject().put("items",
        new JsonArray().add(item.copy().put("contentText", "x".repeat(100_001)))), token).status()).isEqualTo(413);
    assertThat(post("searchEmbeddings", "/api/v1/ai/embeddings/search", new JsonObject().put("text", "welding")
        .put("k", 3), token).json().getJsonArray("items")).isNotEmpty();
    assertThat(post("searchEmbeddings", "/api/v1/ai/embeddings/search", new JsonObject().put("vector", vector(384)),
        token).json().getValue("model")).isNull();
    assertThat(post("searchEmbeddings", "/api/v1/ai/embeddings/search", new JsonObject().put("text", "x")
        .put("vector", vector(384)), token).status()).isEqualTo(400);

    // analysis
    assertThat(post("analyzeSkills", "/api/v1/ai/skills", new JsonObject().put("text", Resumes.NURSE), token)
        .status()).isEqualTo(201);
    assertThat(post("analyzeSkills", "/api/v1/ai/skills", new JsonObject().put("text", " "), token).status())
        .isEqualTo(400);
    assertThat(post("analyzeContent", "/api/v1/ai/content-analysis", new JsonObject().put("text", Resumes.NURSE),
        token).status()).isEqualTo(201);
    assertThat(post("analyzeContent", "/api/v1/ai/content-analysis", new JsonObject().put("text", 5), token)
        .status()).isEqualTo(400);
    assertThat(post("matchJob", "/api/v1/ai/job-match", new JsonObject().put("resumeText", Resumes.NURSE)
        .put("jobDescription", Resumes.NURSING_JOB).put("jobTitle", "ED Nurse"), token).status()).isEqualTo(201);
    assertThat(post("matchJob", "/api/v1/ai/job-match", new JsonObject().put("resumeId", UUID.randomUUID()
        .toString()).put("jobDescription", "Nurse"), token).status()).as("no résumé service").isEqualTo(503);
    UUID mine = UUID.randomUUID();
    UUID empty = UUID.randomUUID();
    UUID broken = UUID.randomUUID();
    UUID silent = UUID.randomUUID();
    MessageConsumer<JsonObject> resumes = h.vertx.eventBus().consumer(Addresses.RESUME_CONTENT_GET, m -> {
      UUID resumeId = UUID.fromString(m.body().getString("resumeId"));
      if (resumeId.equals(mine) || resumeId.equals(empty)) {
        m.reply(new ResumeContent(resumeId, me.id(), "CV", resumeId.equals(mine) ? Resumes.NURSE : "").toJson());
      } else if (resumeId.equals(broken)) {
        m.fail(500, "storage unreadable");
      } else if (!resumeId.equals(silent)) {
        m.fail(404, "no such résumé");
      }
    });
    resumes.completion().await();
    try {
      for (Map.Entry<UUID, Integer> c : Map.of(mine, 201, empty, 422, broken, 502, silent, 504,
          UUID.randomUUID(), 404).entrySet()) {
        assertThat(post("matchJob", "/api/v1/ai/job-match", new JsonObject().put("resumeId", c.getKey().toString())
            .put("jobDescription", Resumes.NURSING_JOB), token).status()).isEqualTo(c.getValue());
      }
    } finally {
      resumes.unregister().await();
    }

    // optimisation
    JsonArray templates = get("listTemplates", "/api/v1/ai/templates", token).json().getJsonArray("items");
    String template = templates.getJsonObject(0).getString("id");
    assertThat(get("listTemplates", "/api/v1/ai/templates?category=hospitality", token).status()).isEqualTo(200);
    assertThat(get("getTemplate", "/api/v1/ai/templates/" + template, token).status()).isEqualTo(200);
    assertThat(get("getTemplate", "/api/v1/ai/templates/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    assertThat(get("getTemplate", "/api/v1/ai/templates/not-a-uuid", token).status()).as("no such id").isEqualTo(404);
    assertThat(get("getOptimizationPreferences", "/api/v1/ai/preferences", token).status()).isEqualTo(200);
    assertThat(checked("replaceOptimizationPreferences", h.http.put("/api/v1/ai/preferences", new JsonObject()
        .put("tone", "concise").put("preserveSections", new JsonArray().add("education"))
        .put("preferredTemplateId", template), token)).status()).isEqualTo(200);
    assertThat(checked("replaceOptimizationPreferences", h.http.put("/api/v1/ai/preferences", new JsonObject()
        .put("tone", "shouty"), token)).status()).isEqualTo(400);
    assertThat(post("optimizeResume", "/api/v1/ai/optimize", new JsonObject().put("resumeText", OptimizationTest.COOK)
        .put("jobDescription", "Sous chef: HACCP"), token).status()).isEqualTo(201);
    assertThat(post("optimizeResume", "/api/v1/ai/optimize", new JsonObject().put("resumeText", OptimizationTest.COOK)
        .put("templateId", template), token).status()).isEqualTo(201);
    assertThat(post("optimizeResume", "/api/v1/ai/optimize", new JsonObject().put("resumeText", OptimizationTest.COOK)
        .put("templateId", UUID.randomUUID().toString()), token).status()).isEqualTo(404);
    assertThat(post("optimizeResume", "/api/v1/ai/optimize", new JsonObject(), token).status()).isEqualTo(400);
    JsonObject page = get("listOptimizationHistory", "/api/v1/ai/history?limit=1", token).json();
    assertThat(get("listOptimizationHistory", "/api/v1/ai/history?cursor=" + page.getString("nextCursor"), token)
        .json().getJsonArray("items")).hasSize(1);
    assertThat(get("listOptimizationHistory", "/api/v1/ai/history?cursor=garbage", token).status()).isEqualTo(400);
    assertThat(get("getOptimizationHistoryStats", "/api/v1/ai/history/stats?days=7", token).status()).isEqualTo(200);
    assertThat(get("getOptimizationHistoryStats", "/api/v1/ai/history/stats?days=0", token).status())
        .isEqualTo(400);
    assertThat(get("getOptimizationInsights", "/api/v1/ai/insights", token).json().getValue("preferences"))
        .isNotNull();
    assertThat(get("getOptimizationInsights", "/api/v1/ai/insights", fresh.token()).json()
        .getValue("best_template")).isNull();

    // sessions and models
    assertThat(get("listSessions", "/api/v1/ai/sessions?limit=100", token).json().getJsonArray("items"))
        .hasSizeGreaterThan(5);
    assertThat(get("listSessions", "/api/v1/ai/sessions?operation=job_match", token).status()).isEqualTo(200);
    assertThat(get("listSessions", "/api/v1/ai/sessions?operation=dreaming", token).status()).isEqualTo(400);
    assertThat(get("getSessionStats", "/api/v1/ai/sessions/stats", token).json().getJsonArray("operations"))
        .isNotEmpty();
    JsonArray models = get("listModels", "/api/v1/ai/models", token).json().getJsonArray("items");
    String local = models.stream().map(JsonObject.class::cast)
        .filter(m -> "all-minilm-l6-v2-q".equals(m.getString("modelName"))).findFirst().orElseThrow().getString("id");
    assertThat(get("getModelPerformance", "/api/v1/ai/models/" + local + "/performance?days=7", token).json()
        .getJsonArray("items")).isNotEmpty();
    assertThat(get("getModelPerformance", "/api/v1/ai/models/" + UUID.randomUUID() + "/performance", token)
        .status()).isEqualTo(404);
    assertThat(get("getModelPerformance", "/api/v1/ai/models/" + local + "/performance?days=0", token).status())
        .isEqualTo(400);
    assertThat(get("listModels", "/api/v1/ai/models", "not-a-token").status()).isEqualTo(401);

    // /metrics answers only where the process runs with metrics, which these tests do not turn on
    assertThat(answers.unexercised()).containsExactly("getMetrics");
  }
}
