package org.jobdash.resume;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
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
 * Every operation of the résumé service's OpenAPI document, driven over HTTP through its successes and the
 * problems a client can provoke, each answer checked against the document (status documented, headers and body
 * valid against their schemas). Answers in media types vertx-openapi cannot parse (PDF, YAML) are checked for a
 * documented status and media type only.
 */
@ExtendWith(BlockedThreadGuard.class)
class ContractConformanceTest {

  static ResumeHarness h;
  static ContractAnswers answers;
  static MessageConsumer<JsonObject> ai;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
    answers = ContractAnswers.load(h.vertx, "openapi/resume-service.yaml");
    ai = h.vertx.eventBus().consumer(Addresses.AI_RESUME_OPTIMIZE, ContractConformanceTest::optimise);
    ai.completion().await();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void optimise(Message<JsonObject> message) {
    OptimizeResume ask = OptimizeResume.fromJson(message.body());
    JsonArray changes = new JsonArray().add(new JsonObject().put("section", "SKILLS").put("changeType", "added")
        .put("newValue", "HACCP").put("reason", "the job asks for it"));
    message.reply(new OptimizationResult(ask.requestId(), ask.content() + "\nSKILLS\nHACCP", changes, 55.5, 81.25,
        "template-v1", null, 42).toJson());
  }

  @Test
  void everyOperationAnswersAsItsDocumentSays() {
    ResumeHarness.Caller caller = h.newUser();
    String token = caller.token();

    JsonObject text = check("createResume", h.http.post("/api/v1/resumes", new JsonObject().put("title", "Chef CV")
        .put("content", "Ada Okafor\nEXPERIENCE\nSous chef, Brasserie Lumière"), token), 201).json();
    String id = text.getString("id");
    String upload = check("createResume", h.upload(caller, "cv.pdf", Documents.pdf("Ada Okafor", "Sous chef"),
        "application/pdf", "PDF CV"), 201).json().getString("id");
    check("createResume", h.upload(caller, "broken.pdf", Documents.corruptPdf(), "application/pdf"), 422);
    check("createResume", h.http.post("/api/v1/resumes", new JsonObject().put("title", " "), token), 400);
    check("createResume", h.http.send(HttpMethod.POST, "/api/v1/resumes", token, Buffer.buffer("title=x"),
        Map.of("Content-Type", "text/plain")), 415);

    JsonObject first = check("listResumes", h.http.get("/api/v1/resumes?limit=1", token), 200).json();
    check("listResumes", h.http.get("/api/v1/resumes?limit=1&cursor=" + first.getString("nextCursor"), token), 200);
    check("listResumes", h.http.get("/api/v1/resumes?status=pending&q=chef", token), 200);
    check("listResumes", h.http.get("/api/v1/resumes?limit=0", token), 400);
    check("listResumes", h.http.get("/api/v1/resumes", null), 401);
    check("listResumes", h.http.get("/api/v1/resumes?q=" + "x".repeat(5000), token), 414);
    check("listResumes", h.http.send(HttpMethod.GET, "/api/v1/resumes", token, null,
        Map.of("X-Padding", "y".repeat(9000))), 431);

    check("getResume", h.http.get("/api/v1/resumes/" + id, token), 200);
    check("getResume", h.http.get("/api/v1/resumes/" + UUID.randomUUID(), token), 404);
    check("getResumeStatus", h.http.get("/api/v1/resumes/" + id + "/status", token), 200);

    String base = "/api/v1/resumes/" + id;
    check("updateResume", h.http.patch(base, new JsonObject().put("content",
        "Ada Okafor\nEXPERIENCE\nHead chef, Brasserie Lumière").put("changeSummary", "New role"), token), 200);
    check("updateResume", h.http.patch(base, new JsonObject().put("title", "Head chef CV"), token), 200);
    check("updateResume", h.http.patch(base, new JsonObject(), token), 400);
    check("updateResume", h.http.patch(base, new JsonObject().put("content", "x".repeat(1_100_000)), token), 413);
    check("updateResume", h.http.send(HttpMethod.PATCH, base, token, Buffer.buffer("content"),
        Map.of("Content-Type", "text/plain")), 415);

    check("listResumeVersions", h.http.get(base + "/versions", token), 200);
    check("getResumeVersion", h.http.get(base + "/versions/2", token), 200);
    check("getResumeVersion", h.http.get(base + "/versions/99", token), 404);
    check("compareResumeVersions", h.http.get(base + "/versions/compare?from=1&to=2", token), 200);
    check("compareResumeVersions", h.http.get(base + "/versions/compare?from=1", token), 400);
    check("restoreResumeVersion", h.http.post(base + "/versions/1/restore", null, token), 201);

    JsonObject pending = check("requestResumeOptimization", h.http.post(base + "/optimizations",
        new JsonObject().put("jobDescription", "Sous chef: HACCP").put("optimizationType", "job_match"), token), 202)
        .json();
    check("requestResumeOptimization", h.http.post(base + "/optimizations", null, token), 202);
    check("requestResumeOptimization", h.http.post(base + "/optimizations",
        new JsonObject().put("optimizationType", "Not A Type"), token), 400);
    String optimization = "/api/v1/resumes/optimizations/" + pending.getString("id");
    ResumeHarness.eventually("the optimisation completes", () -> "completed".equals(
        h.http.get(optimization, token).json().getString("status")));
    check("createOptimizationFeedback", h.http.post(optimization + "/feedback", new JsonObject().put("rating", 4)
        .put("helpful", true).put("comment", "Clearer"), token), 201);
    check("createOptimizationFeedback", h.http.post(optimization + "/feedback", new JsonObject().put("rating", 5),
        token), 409);
    check("createOptimizationFeedback", h.http.post(optimization + "/feedback", new JsonObject().put("rating", 6),
        token), 400);
    check("getOptimization", h.http.get(optimization, token), 200);
    check("getOptimization", h.http.get("/api/v1/resumes/optimizations/" + UUID.randomUUID(), token), 404);
    check("listResumeOptimizations", h.http.get(base + "/optimizations", token), 200);

    check("listResumeAnalyses", h.http.get(base + "/analyses", token), 200);
    UUID request = UUID.fromString(h.nextAnalyzeRequest(upload).getString("requestId"));
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, new AnalysisCompleted(request,
        UUID.fromString(upload), caller.id(), AnalysisCompleted.COMPLETED, 78.5, 71.0, 80.0, 66.0,
        new JsonArray().add(new JsonObject().put("name", "Menu costing").put("category", "culinary")),
        new JsonObject().put("weakOpeners", 1), new JsonArray().add("Quantify the covers"), "all-MiniLM-L6-v2", 35,
        null).toJson());
    ResumeHarness.eventually("the analysis is stored", () -> h.http.get("/api/v1/resumes/" + upload + "/analyses",
        token).json().getJsonArray("items").size() == 1);
    check("listResumeAnalyses", h.http.get("/api/v1/resumes/" + upload + "/analyses", token), 200);
    check("getResumeStatus", h.http.get("/api/v1/resumes/" + upload + "/status", token), 200);

    check("getResumeStatistics", h.http.get("/api/v1/resumes/stats", token), 200);
    check("getResumeStatistics", h.http.get("/api/v1/resumes/stats", "not-a-token"), 401);

    TestClient.Response file = check("downloadResumeFile", h.http.get("/api/v1/resumes/" + upload + "/file", token),
        200);
    check("downloadResumeFile", h.http.send(HttpMethod.GET, "/api/v1/resumes/" + upload + "/file", token, null,
        Map.of("If-None-Match", file.header("ETag"))), 304);
    check("downloadResumeFile", h.http.get(base + "/file", token), 404);

    for (String format : new String[] {"docx", "pdf", "markdown", "text", "json-resume"}) {
      check("exportResume", h.http.get(base + "/export?format=" + format + "&version=1", token), 200);
    }
    check("exportResume", h.http.get(base + "/export?format=odt", token), 400);
    check("exportResume", h.http.get(base + "/export?format=pdf&version=99", token), 404);
    JsonObject imported = check("createResume", h.http.post("/api/v1/resumes", new JsonObject().put("title", "JR")
        .put("jsonResume", new JsonObject().put("basics", new JsonObject().put("name", "Ada Okafor"))), token), 201)
        .json();
    check("exportResume", h.http.get("/api/v1/resumes/" + imported.getString("id") + "/export?format=json-resume",
        token), 200);

    check("getLiveness", h.http.get("/health/live", null), 200);
    check("getReadiness", h.http.get("/health/ready", null), 200);
    check("getOpenApiDocument", h.http.get("/openapi.yaml", null), 200);

    check("deleteResume", h.http.delete("/api/v1/resumes/" + upload, token), 204);
    check("deleteResume", h.http.delete("/api/v1/resumes/" + upload, token), 404);

    assertThat(answers.unexercised()).as("operations this test never called").isEmpty();
  }

  /** The answer has {@code status} and matches what the document says of {@code operationId}'s answer. */
  private static TestClient.Response check(String operationId, TestClient.Response r, int status) {
    return answers.check(operationId, r, status);
  }
}
