package org.jobdash.resume.contract;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import org.jobdash.common.http.ServiceContract;
import org.jobdash.resume.analysis.Analysis;
import org.jobdash.resume.analysis.AnalysisService;
import org.jobdash.resume.analysis.AnalysisSummary;
import org.jobdash.resume.document.Resume;
import org.jobdash.resume.optimization.Feedback;
import org.jobdash.resume.optimization.Optimization;
import org.jobdash.resume.stats.Stats;
import org.jobdash.resume.version.Comparison;
import org.jobdash.resume.version.Version;
import org.jobdash.resume.version.VersionChange;
import org.jobdash.resume.version.VersionSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each record's {@code toJson} writes is what the document says its operation answers, with every field set
 * and with every nullable one null (states the HTTP tests rarely reach: no scores yet, an empty history).
 */
class RecordJsonContractTest {

  private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 2, 1, 0, 0, 123_000, ZoneOffset.ofHours(1));
  private static final UUID ID = UUID.randomUUID();

  static Vertx vertx;
  static OpenAPIContract contract;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    contract = ServiceContract.load(vertx, "openapi/resume-service.yaml").await().openApi();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  /** Asserts that {@code json} is a valid {@code status} answer of {@code operationId}. */
  private static void assertAnswers(String operationId, int status, JsonObject json) {
    OutputUnit result = contract.getSchemaRepository().validator(contract.operation(operationId).getResponse(status)
        .getContent().get("application/json").getSchema()).validate(json);
    StringBuilder errors = new StringBuilder();
    if (result.getErrors() != null) {
      result.getErrors().forEach(u -> errors.append("\n  ").append(u.getInstanceLocation()).append(": ")
          .append(u.getError()));
    }
    assertThat(result.getValid()).as(operationId + " " + status + errors + "\n  " + json.encode()).isTrue();
  }

  private static Resume resume(boolean analysed, String content) {
    return new Resume(ID, UUID.randomUUID(), "CV", analysed ? "cv.pdf" : null, analysed ? "s3" : null,
        analysed ? "users/x/y" : null, analysed ? 48213 : null, analysed ? "application/pdf" : null,
        analysed ? "ab".repeat(32) : null, analysed ? "upload" : null, analysed ? "completed" : "pending",
        analysed ? null : "No analysis arrived after 10 requests", analysed ? AT : null, analysed ? 1 : 0,
        analysed ? AT : null, analysed ? 78.5 : null, analysed ? 71.0 : null,
        new JsonArray().add(new JsonObject().put("name", "HACCP").put("category", "culinary")), 1, AT, AT, content);
  }

  @Test
  void resumesAndTheirStatus() {
    for (boolean analysed : new boolean[] {true, false}) {
      assertAnswers("getResume", 200, resume(analysed, "text").toJson());
      assertAnswers("createResume", 201, resume(analysed, "text").toJson());
      assertAnswers("getResumeStatus", 200, resume(analysed, null).statusJson());
      assertAnswers("listResumes", 200, new JsonObject()
          .put("items", new JsonArray().add(resume(analysed, null).toJson())).put("nextCursor", analysed ? "abc" : null));
    }
  }

  @Test
  void versionsTheirHistoryAndComparisons() {
    VersionChange change = new VersionChange(2, null, "removed", "old", null, "restore", AT);
    Version version = new Version(ID, 2, null, null, null, null, null,
        new JsonObject().put("restored_from_version", 1), null, "restore", null, 1, AT, List.of(change));
    VersionSummary summary = new VersionSummary(ID, 1, null, "cv.pdf", 48213, "system", null, null, new JsonObject(),
        0, 0, AT, false, null);

    assertAnswers("getResumeVersion", 200, version.toJson());
    assertAnswers("restoreResumeVersion", 201, version.toJson());
    assertAnswers("listResumeVersions", 200, new JsonObject().put("items", new JsonArray().add(summary.toJson())));
    assertAnswers("compareResumeVersions", 200, new Comparison(2, 1, 0, 3, 1, -48213, -120, AT, AT, List.of(change),
        "").toJson());
  }

  @Test
  void optimisationsPendingAndCompletedAndTheirFeedback() {
    Feedback feedback = new Feedback(UUID.randomUUID(), ID, 5, null, null, AT);
    Optimization pending = new Optimization(ID, UUID.randomUUID(), "pending", "general", null, null, null, null, null,
        null, new JsonArray(), null, null, null, null, 0, AT, null, null, 0, null, List.of());
    Optimization completed = new Optimization(ID, UUID.randomUUID(), "completed", "job_match", "Sous Chef",
        UUID.randomUUID(), "template-v1", 55.5, 81.25, 25.75,
        new JsonArray().add(new JsonObject().put("section", "SKILLS").put("changeType", "added")
            .put("newValue", "HACCP").put("reason", "the job asks for it")),
        UUID.randomUUID(), 2, null, 42, 1, AT, AT, AT, 1, 5.0, List.of(feedback));

    assertAnswers("requestResumeOptimization", 202, pending.toJson());
    assertAnswers("getOptimization", 200, completed.toJson());
    assertAnswers("listResumeOptimizations", 200, new JsonObject().put("items", new JsonArray()
        .add(pending.toJson()).add(completed.toJson())));
    assertAnswers("createOptimizationFeedback", 201, feedback.toJson());
  }

  @Test
  void analysesAndTheirSummaryWithAndWithoutAnyAnalysis() {
    Analysis failed = new Analysis(ID, null, "full", "failed", null, null, null, null, null, null, null, null, null,
        "The analysis failed", AT);
    Analysis completed = new Analysis(ID, UUID.randomUUID(), "full", "completed", 78.5, 71.0, 80.0, 66.0,
        new JsonArray().add(new JsonObject().put("name", "HACCP").put("category", "culinary")),
        new JsonObject().put("weakOpeners", 1), new JsonArray().add("Quantify the covers"), "all-MiniLM-L6-v2", 35,
        null, AT);
    AnalysisSummary none = new AnalysisSummary(0, 0, 0, null, null, null, null, null, null, null, new JsonArray(),
        new JsonArray(), null, null, null, null, null, null);
    AnalysisSummary some = new AnalysisSummary(2, 1, 1, ID, "full", AT, 78.5, 71.0, 80.0, 66.0,
        new JsonArray().add("Quantify the covers"), new JsonArray(), 78.5, 71.0, 80.0, 66.0, AT, AT);

    assertAnswers("listResumeAnalyses", 200, new AnalysisService.Analyses(List.of(), none).toJson());
    assertAnswers("listResumeAnalyses", 200, new AnalysisService.Analyses(List.of(completed, failed), some).toJson());
  }

  @Test
  void statisticsOfANewUserAndOfABusyOne() {
    Stats empty = new Stats(new Stats.ResumeCounts(0, 0, 0, 0, 0, 0, null, null),
        new Stats.VersionCounts(0, 0, 0, 0, null),
        new Stats.OptimizationStatistics(0, 0, 0, 0, 0, null, null, null, null, null, 0, null),
        List.of(), List.of(), List.of());
    Stats busy = new Stats(new Stats.ResumeCounts(2, 1, 0, 1, 0, 1, 78.5, 71.0),
        new Stats.VersionCounts(3, 2, 1, 0, AT),
        new Stats.OptimizationStatistics(1, 1, 0, 0, 0, 55.5, 81.25, 25.75, 42.0, 4.0, 1, 100.0),
        List.of(new Stats.OptimizationMetric("general", null, 1, 1, 0, 0, 100.0, 55.5, 81.25, 25.75, 42.0, null, 0,
            AT)),
        List.of(new Stats.AnalysisMetric("full", "all-MiniLM-L6-v2", 2, 1, 1, 50.0, 78.5, 71.0, 80.0, 66.0, 35.0, AT)),
        List.of(new Stats.StorageUsage("local", 1, 48213, AT), new Stats.StorageUsage(null, 1, 10, AT)));

    assertAnswers("getResumeStatistics", 200, empty.toJson());
    assertAnswers("getResumeStatistics", 200, busy.toJson());
  }
}
