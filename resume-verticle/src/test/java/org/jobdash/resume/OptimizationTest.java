package org.jobdash.resume;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.resume.analysis.AnalysisRequests;
import org.jobdash.resume.optimization.OptimizationRepository;
import org.jobdash.resume.optimization.OptimizationService;
import org.jobdash.resume.version.SectionChanges;
import org.jobdash.resume.version.VersionRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Optimisation round trips with a test consumer standing in for the AI service on {@code ai.resume.optimize}. */
@ExtendWith(BlockedThreadGuard.class)
class OptimizationTest {

  static final String CV = "Sam Reyes\nWelder\n\nEXPERIENCE\nShipyard, 2018-2024";
  static final String OPTIMISED = CV + "\n\nSKILLS\nTIG welding, MIG welding, blueprint reading";

  static ResumeHarness h;
  static MessageConsumer<JsonObject> ai;
  static final LinkedBlockingQueue<JsonObject> asked = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    h = ResumeHarness.start(new JsonObject().put("optimization", new JsonObject().put("timeoutMs", 700)));
    ai = h.vertx.eventBus().consumer(Addresses.AI_RESUME_OPTIMIZE, OptimizationTest::answer);
    ai.completion().await();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** The stand-in AI service: the job description says how to behave. */
  private static void answer(Message<JsonObject> message) {
    asked.add(message.body());
    OptimizeResume ask = OptimizeResume.fromJson(message.body());
    String mode = ask.jobDescription() == null ? "" : ask.jobDescription();
    if (mode.contains("crash")) {
      message.fail(500, "the model crashed");
    } else if (mode.contains("silence")) {
      return;
    } else if (mode.contains("nul")) {
      message.reply(new OptimizationResult(ask.requestId(), OPTIMISED + "\u0000", new JsonArray(), 55.5, 81.25,
          "template-v1", ask.templateId(), 42).toJson());
    } else if (mode.contains("unlisted")) {
      message.reply(new OptimizationResult(ask.requestId(), OPTIMISED, new JsonArray(), 55.5, 81.25, "template-v1",
          ask.templateId(), 42).toJson());
    } else {
      JsonArray changes = new JsonArray().add(new JsonObject().put("section", "SKILLS").put("changeType", "added")
          .put("newValue", "TIG welding, MIG welding, blueprint reading").put("reason", "the job asks for them"));
      message.reply(new OptimizationResult(ask.requestId(), OPTIMISED, changes, 55.5, 81.25, "template-v1",
          ask.templateId(), 42).toJson());
    }
  }

  private static String newResume(ResumeHarness.Caller caller) {
    return h.createText(caller, "Welder CV", CV).getString("id");
  }

  private static TestClient.Response optimise(ResumeHarness.Caller caller, String resumeId, JsonObject body) {
    return h.http.post("/api/v1/resumes/" + resumeId + "/optimizations", body, caller.token());
  }

  private static JsonObject awaitFinished(ResumeHarness.Caller caller, String optimizationId) {
    JsonObject[] last = new JsonObject[1];
    ResumeHarness.eventually("optimisation " + optimizationId + " finishes", () -> {
      last[0] = h.http.get("/api/v1/resumes/optimizations/" + optimizationId, caller.token()).json();
      return !"pending".equals(last[0].getString("status")) && !"processing".equals(last[0].getString("status"));
    });
    return last[0];
  }

  @Test
  void aReplyBecomesAnAiVersionAndCompletesTheRow() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);
    UUID template = UUID.randomUUID();

    TestClient.Response r = optimise(caller, resumeId, new JsonObject().put("jobDescription", "Shipyard welder")
        .put("targetRole", "Lead welder").put("templateId", template.toString()));

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    assertThat(r.json().getString("status")).isEqualTo("pending");
    String id = r.json().getString("id");
    assertThat(r.header("Location")).isEqualTo("/api/v1/resumes/optimizations/" + id);
    JsonObject done = awaitFinished(caller, id);
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getDouble("scoreBefore")).isEqualTo(55.5);
    assertThat(done.getDouble("scoreAfter")).isEqualTo(81.25);
    assertThat(done.getDouble("improvement")).isEqualTo(25.75);
    assertThat(done.getInteger("resultVersionNumber")).isEqualTo(2);
    assertThat(done.getString("aiModel")).isEqualTo("template-v1");
    assertThat(done.getString("templateId")).isEqualTo(template.toString());
    assertThat(done.getString("targetRole")).isEqualTo("Lead welder");
    assertThat(done.getInteger("attempts")).isEqualTo(1);

    JsonObject version = h.http.get("/api/v1/resumes/" + resumeId + "/versions/2", caller.token()).json();
    assertThat(version.getString("createdBy")).isEqualTo("ai");
    assertThat(version.getString("content")).isEqualTo(OPTIMISED);
    assertThat(version.getJsonArray("changes")).hasSize(1);
    assertThat(version.getJsonArray("changes").getJsonObject(0).getString("source")).isEqualTo("ai");
    assertThat(version.getJsonArray("changes").getJsonObject(0).getString("section")).isEqualTo("SKILLS");
    assertThat(h.http.get("/api/v1/resumes/" + resumeId, caller.token()).json().getString("content"))
        .isEqualTo(OPTIMISED);
    Row row = h.sql("SELECT o.result_version_id = v.id AS linked FROM resume_optimizations o "
        + "JOIN resume_versions v ON v.resume_id = o.resume_id AND v.version_number = 2 WHERE o.id = $1",
        UUID.fromString(id)).iterator().next();
    assertThat(row.getBoolean("linked")).isTrue();
    JsonArray listed = h.http.get("/api/v1/resumes/" + resumeId + "/optimizations", caller.token()).json()
        .getJsonArray("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("id")).isEqualTo(id);
  }

  @Test
  void aRepeatedReplyForACompletedOptimisationChangesNothing() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);
    String id = optimise(caller, resumeId, new JsonObject()).json().getString("id");
    awaitFinished(caller, id);
    BoundedWorker worker = h.deployment.files();
    OptimizationService service = new OptimizationService(h.vertx, h.db, new OptimizationRepository(h.db),
        new VersionRepository(h.db), worker, new SectionChanges(worker), new AnalysisRequests(h.vertx), 1000, 100_000,
        Duration.ofSeconds(10));

    boolean applied = service.complete(UUID.fromString(id), new OptimizationResult(UUID.fromString(id),
        "A different text", new JsonArray(), 10, 20, "other", null, 1)).await();

    assertThat(applied).isFalse();
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(resumeId)))
        .isEqualTo(2);
    JsonObject after = h.http.get("/api/v1/resumes/optimizations/" + id, caller.token()).json();
    assertThat(after.getDouble("scoreAfter")).isEqualTo(81.25);
    assertThat(after.getString("aiModel")).isEqualTo("template-v1");
  }

  @Test
  void aReplyThatListsNoChangesGetsItsSectionChangesComputed() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);

    String id = optimise(caller, resumeId, new JsonObject().put("jobDescription", "unlisted changes")).json()
        .getString("id");

    assertThat(awaitFinished(caller, id).getString("status")).isEqualTo("completed");
    JsonObject version = h.http.get("/api/v1/resumes/" + resumeId + "/versions/2", caller.token()).json();
    assertThat(version.getJsonArray("changes")).hasSize(1);
    JsonObject change = version.getJsonArray("changes").getJsonObject(0);
    assertThat(change.getString("section")).isEqualTo("SKILLS");
    assertThat(change.getString("changeType")).isEqualTo("added");
    assertThat(change.getString("source")).isEqualTo("ai");
  }

  @Test
  void aReplyWithTextThatCannotBeStoredFailsTheRow() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);

    String id = optimise(caller, resumeId, new JsonObject().put("jobDescription", "a nul please")).json()
        .getString("id");

    JsonObject done = awaitFinished(caller, id);
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getString("errorMessage")).contains("cannot be stored");
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(resumeId)))
        .isEqualTo(1);
  }

  @Test
  void aFailedRequestMarksTheRowFailedWithTheReason() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);

    String id = optimise(caller, resumeId, new JsonObject().put("jobDescription", "please crash")).json().getString("id");

    JsonObject done = awaitFinished(caller, id);
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getString("errorMessage")).contains("the model crashed");
    assertThat(done.getInteger("resultVersionNumber")).isNull();
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(resumeId)))
        .isEqualTo(1);
  }

  @Test
  void aTimedOutRequestMarksTheRowFailed() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);

    String id = optimise(caller, resumeId, new JsonObject().put("jobDescription", "silence please")).json()
        .getString("id");

    JsonObject done = awaitFinished(caller, id);
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getString("errorMessage")).contains("in time");
    assertThat(h.sql("SELECT completed_at FROM resume_optimizations WHERE id = $1", UUID.fromString(id)).iterator()
        .next().getOffsetDateTime(0)).isNotNull();
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(resumeId)))
        .isEqualTo(1);
  }

  @Test
  void theRequestCarriesTheResumeAndTheAsk() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);
    asked.clear();

    String id = optimise(caller, resumeId, new JsonObject().put("jobDescription", "Night shift welder")).json()
        .getString("id");
    awaitFinished(caller, id);

    JsonObject ask = asked.stream().filter(a -> id.equals(a.getString("requestId"))).findFirst().orElseThrow();
    assertThat(ask.getString("resumeId")).isEqualTo(resumeId);
    assertThat(ask.getString("userId")).isEqualTo(caller.id().toString());
    assertThat(ask.getString("content")).isEqualTo(CV);
    assertThat(ask.getString("jobDescription")).isEqualTo("Night shift welder");
  }

  @Test
  void feedbackIsOncePerUserAndOptimisation() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);
    String id = optimise(caller, resumeId, new JsonObject()).json().getString("id");
    awaitFinished(caller, id);
    String path = "/api/v1/resumes/optimizations/" + id + "/feedback";

    TestClient.Response first = h.http.post(path, new JsonObject().put("rating", 4).put("helpful", true)
        .put("comment", "Good skills section"), caller.token());
    TestClient.Response second = h.http.post(path, new JsonObject().put("rating", 1), caller.token());

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().getInteger("rating")).isEqualTo(4);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(h.count("SELECT count(*) FROM optimization_feedback WHERE optimization_id = $1", UUID.fromString(id)))
        .isEqualTo(1);
    assertThat(h.http.post(path, new JsonObject().put("rating", 6), caller.token()).status()).isEqualTo(400);
    assertThat(h.http.post(path, new JsonObject().put("helpful", true), caller.token()).status()).isEqualTo(400);
    JsonObject listed = h.http.get("/api/v1/resumes/optimizations/" + id, caller.token()).json();
    assertThat(listed.getInteger("feedbackCount")).isEqualTo(1);
    assertThat(listed.getDouble("avgRating")).isEqualTo(4.0);
  }

  @Test
  void badRequestsAre400AndUnknownOnes404() {
    ResumeHarness.Caller caller = h.newUser();
    String resumeId = newResume(caller);
    assertThat(optimise(caller, resumeId, new JsonObject().put("templateId", "nope")).status()).isEqualTo(400);
    assertThat(optimise(caller, resumeId, new JsonObject().put("jobDescription", 3)).status()).isEqualTo(400);
    assertThat(optimise(caller, UUID.randomUUID().toString(), new JsonObject()).status()).isEqualTo(404);
    assertThat(h.http.get("/api/v1/resumes/optimizations/" + UUID.randomUUID(), caller.token()).status())
        .isEqualTo(404);
    assertThat(h.count("SELECT count(*) FROM resume_optimizations WHERE user_id = $1", caller.id())).isZero();
  }
}
