package org.jobdash.resume;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.common.bus.UserDeleted;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the service does on the event bus: analyses, résumé content for the AI service, deleted users, the sweep. */
@ExtendWith(BlockedThreadGuard.class)
class AnalysisAndEventsTest {

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start(new JsonObject().put("analysis", new JsonObject()
        .put("resendAfterSeconds", 1).put("maxAttempts", 3).put("sweepIntervalMs", 200)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static AnalysisCompleted completed(UUID requestId, String resumeId, UUID userId, double overall) {
    return new AnalysisCompleted(requestId, UUID.fromString(resumeId), userId, AnalysisCompleted.COMPLETED, overall,
        70.0, 65.0, 80.0, new JsonArray().add(new JsonObject().put("name", "Welding").put("category", "technical")),
        new JsonObject().put("strengths", new JsonArray().add("clear layout")),
        new JsonArray().add("Quantify achievements"), "local-minilm", 120, null);
  }

  private static Row resumeRow(String id) {
    return h.sql("SELECT processing_status, quality_score, ats_score, skills, analysis_completed_at, "
        + "processing_error FROM resumes WHERE id = $1", UUID.fromString(id)).iterator().next();
  }

  @Test
  void aCompletedAnalysisIsStoredOnceAndSetsTheStatusAndScores() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Analysed", "Sam Reyes\nWelder").getString("id");
    UUID requestId = UUID.fromString(h.nextAnalyzeRequest(id).getString("requestId"));

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, completed(requestId, id, caller.id(), 77.5).toJson());
    ResumeHarness.eventually("the analysis is stored", () ->
        h.count("SELECT count(*) FROM resume_analyses WHERE request_id = $1", requestId) == 1);
    ResumeHarness.eventually("the résumé is completed", () ->
        "completed".equals(resumeRow(id).getString("processing_status")));

    Row row = resumeRow(id);
    assertThat(row.getDouble("quality_score")).isEqualTo(77.5);
    assertThat(row.getDouble("ats_score")).isEqualTo(70.0);
    assertThat(((JsonArray) row.getValue("skills")).getJsonObject(0).getString("name")).isEqualTo("Welding");
    var completedAt = row.getOffsetDateTime("analysis_completed_at");

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, completed(requestId, id, caller.id(), 10.0).toJson());
    String marker = h.createText(caller, "Marker", "after the repeat").getString("id");
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED,
        completed(UUID.randomUUID(), marker, caller.id(), 50.0).toJson());
    ResumeHarness.eventually("the later message is handled", () ->
        h.count("SELECT count(*) FROM resume_analyses WHERE resume_id = $1", UUID.fromString(marker)) == 1);

    assertThat(h.count("SELECT count(*) FROM resume_analyses WHERE resume_id = $1", UUID.fromString(id))).isEqualTo(1);
    assertThat(resumeRow(id).getDouble("quality_score")).isEqualTo(77.5);
    assertThat(resumeRow(id).getOffsetDateTime("analysis_completed_at")).isEqualTo(completedAt);

    TestClient.Response analyses = h.http.get("/api/v1/resumes/" + id + "/analyses", caller.token());
    assertThat(analyses.status()).isEqualTo(200);
    JsonObject first = analyses.json().getJsonArray("items").getJsonObject(0);
    assertThat(first.getString("requestId")).isEqualTo(requestId.toString());
    assertThat(first.getDouble("overallScore")).isEqualTo(77.5);
    assertThat(first.getJsonArray("recommendations")).containsExactly("Quantify achievements");
    assertThat(analyses.json().getJsonObject("summary").getLong("totalAnalyses")).isEqualTo(1);
    assertThat(analyses.json().getJsonObject("summary").getDouble("latestOverallScore")).isEqualTo(77.5);
    JsonObject status = h.http.get("/api/v1/resumes/" + id + "/status", caller.token()).json();
    assertThat(status.getString("processingStatus")).isEqualTo("completed");
    assertThat(status.getDouble("qualityScore")).isEqualTo(77.5);
  }

  @Test
  void anAnswerAboutAnOlderTextIsKeptAsHistoryButDoesNotSetTheStatus() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Edited", "First text").getString("id");
    UUID oldRequest = UUID.fromString(h.nextAnalyzeRequest(id).getString("requestId"));
    h.http.patch("/api/v1/resumes/" + id, new JsonObject().put("content", "Second text"), caller.token());
    UUID newRequest = UUID.fromString(h.nextAnalyzeRequest(id).getString("requestId"));

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, completed(oldRequest, id, caller.id(), 20.0).toJson());
    ResumeHarness.eventually("the old answer is stored", () ->
        h.count("SELECT count(*) FROM resume_analyses WHERE request_id = $1", oldRequest) == 1);
    assertThat(resumeRow(id).getValue("quality_score")).isNull();
    assertThat(resumeRow(id).getString("processing_status")).isNotEqualTo("completed");

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, completed(newRequest, id, caller.id(), 88.0).toJson());
    ResumeHarness.eventually("the current answer applies", () ->
        "completed".equals(resumeRow(id).getString("processing_status")));
    assertThat(resumeRow(id).getDouble("quality_score")).isEqualTo(88.0);
  }

  @Test
  void aFailedAnalysisMarksTheResumeFailed() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Fails", "Short text").getString("id");
    UUID requestId = UUID.fromString(h.nextAnalyzeRequest(id).getString("requestId"));

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, new AnalysisCompleted(requestId,
        UUID.fromString(id), caller.id(), AnalysisCompleted.FAILED, null, null, null, null, null, null, null,
        "local-minilm", 5, "text too short").toJson());

    ResumeHarness.eventually("the résumé is failed", () -> "failed".equals(resumeRow(id).getString("processing_status")));
    assertThat(resumeRow(id).getString("processing_error")).isEqualTo("text too short");
    assertThat(h.sql("SELECT status FROM resume_analyses WHERE request_id = $1", requestId).iterator().next()
        .getString(0)).isEqualTo("failed");
  }

  @Test
  void completionsForUnknownOrOtherUsersResumesAreIgnored() {
    ResumeHarness.Caller owner = h.newUser();
    ResumeHarness.Caller other = h.newUser();
    String id = h.createText(owner, "Mine", "Owner's text").getString("id");
    UUID requestId = UUID.fromString(h.nextAnalyzeRequest(id).getString("requestId"));

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, completed(requestId, id, other.id(), 99.0).toJson());
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED,
        completed(UUID.randomUUID(), UUID.randomUUID().toString(), owner.id(), 99.0).toJson());
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, new JsonObject().put("version", 1).put("junk", 1));
    String marker = h.createText(owner, "Marker", "x").getString("id");
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED,
        completed(UUID.randomUUID(), marker, owner.id(), 50.0).toJson());
    ResumeHarness.eventually("the later message is handled", () ->
        h.count("SELECT count(*) FROM resume_analyses WHERE resume_id = $1", UUID.fromString(marker)) == 1);

    assertThat(h.count("SELECT count(*) FROM resume_analyses WHERE resume_id = $1", UUID.fromString(id))).isZero();
    assertThat(h.count("SELECT count(*) FROM resume_analyses WHERE user_id = $1", other.id())).isZero();
    assertThat(resumeRow(id).getString("processing_status")).isNotEqualTo("completed");
    assertThat(resumeRow(id).getValue("quality_score")).isNull();
  }

  @Test
  void resumeContentIsGivenOnlyToTheOwner() {
    ResumeHarness.Caller owner = h.newUser();
    ResumeHarness.Caller other = h.newUser();
    String id = h.createText(owner, "Content", "The owner's words").getString("id");

    JsonObject reply = h.vertx.eventBus().<JsonObject>request(Addresses.RESUME_CONTENT_GET,
        ResumeContent.request(UUID.fromString(id), owner.id())).await().body();
    Throwable refused = catchThrowable(() -> h.vertx.eventBus().<JsonObject>request(Addresses.RESUME_CONTENT_GET,
        ResumeContent.request(UUID.fromString(id), other.id())).await());

    ResumeContent content = ResumeContent.fromJson(reply);
    assertThat(content.content()).isEqualTo("The owner's words");
    assertThat(content.title()).isEqualTo("Content");
    assertThat(content.userId()).isEqualTo(owner.id());
    assertThat(refused).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) refused).failureCode()).isEqualTo(404);
    assertThat(refused.getMessage()).doesNotContain("owner's words");
  }

  @Test
  void userDeletedRemovesTheUsersRowsAndFilesAndIsIdempotent() {
    ResumeHarness.Caller gone = h.newUser();
    ResumeHarness.Caller stays = h.newUser();
    String goneId = h.upload(gone, "cv.pdf", Documents.pdf("Leaving"), "application/pdf").json().getString("id");
    h.createText(gone, "Second", "text only");
    h.http.post("/api/v1/resumes/" + goneId + "/optimizations", new JsonObject(), gone.token());
    String staysId = h.upload(stays, "cv.pdf", Documents.pdf("Staying"), "application/pdf").json().getString("id");
    assertThat(h.storedFiles(gone.id())).hasSize(1);

    h.vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(gone.id(), Instant.now()).toJson());

    ResumeHarness.eventually("the user's résumés are removed", () ->
        h.count("SELECT count(*) FROM resumes WHERE user_id = $1", gone.id()) == 0);
    ResumeHarness.eventually("the user's files are removed", () -> h.storedFiles(gone.id()).isEmpty());
    for (String table : new String[] {"resume_optimizations", "resume_analyses", "optimization_feedback"}) {
      assertThat(h.count("SELECT count(*) FROM " + table + " WHERE user_id = $1", gone.id())).as(table).isZero();
    }
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(goneId))).isZero();
    assertThat(h.count("SELECT count(*) FROM resumes WHERE id = $1", UUID.fromString(staysId))).isEqualTo(1);
    assertThat(h.storedFiles(stays.id())).hasSize(1);

    h.vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(gone.id(), Instant.now()).toJson());
    String marker = h.createText(stays, "Marker", "after the repeat").getString("id");
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED,
        completed(UUID.randomUUID(), marker, stays.id(), 50.0).toJson());
    ResumeHarness.eventually("the later message is handled", () ->
        h.count("SELECT count(*) FROM resume_analyses WHERE resume_id = $1", UUID.fromString(marker)) == 1);
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", stays.id())).isEqualTo(2);
    assertThat(h.http.get("/api/v1/resumes/" + staysId + "/file", stays.token()).status()).isEqualTo(200);
  }

  @Test
  void theSweepSendsAStalePendingAnalysisAgainUnderTheSameIdThenGivesUp() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Nobody answers", "Lost message").getString("id");
    String requestId = h.nextAnalyzeRequest(id).getString("requestId");

    JsonObject resent = h.nextAnalyzeRequest(id);

    assertThat(resent.getString("requestId")).isEqualTo(requestId);
    assertThat(resent.getString("content")).isEqualTo("Lost message");
    assertThat(h.count("SELECT analysis_attempts FROM resumes WHERE id = $1", UUID.fromString(id))).isGreaterThan(1);
    ResumeHarness.eventually("the analysis is given up", () -> "failed".equals(resumeRow(id).getString("processing_status")));
    assertThat(h.count("SELECT analysis_attempts FROM resumes WHERE id = $1", UUID.fromString(id))).isEqualTo(3);
    assertThat(resumeRow(id).getString("processing_error")).contains("3 requests");

    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED,
        completed(UUID.fromString(requestId), id, caller.id(), 60.0).toJson());
    ResumeHarness.eventually("a late answer still completes it", () ->
        "completed".equals(resumeRow(id).getString("processing_status")));
  }
}
