package org.jobdash.ai;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class MatchingTest {

  static AiHarness h;

  @BeforeAll
  static void start() {
    h = AiHarness.start(new JsonObject().put("resumeContent", new JsonObject().put("timeoutMs", 400)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static JsonObject match(AiHarness.Caller me, String resume, String job) {
    TestClient.Response r = h.http.post("/api/v1/ai/job-match", new JsonObject().put("resumeText", resume)
        .put("jobDescription", job).put("jobTitle", "Test"), me.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void aJavaBackendResumeMatchesAJavaJobBetterThanAPastryChefJob() {
    AiHarness.Caller me = h.caller();
    JsonObject java = match(me, Resumes.JAVA_BACKEND, Resumes.JAVA_JOB);
    JsonObject pastry = match(me, Resumes.JAVA_BACKEND, Resumes.PASTRY_JOB);

    assertThat(java.getDouble("score")).isGreaterThan(pastry.getDouble("score"));
    assertThat(java.getDouble("semanticSimilarity")).isGreaterThan(pastry.getDouble("semanticSimilarity"));
    assertThat(java.getJsonArray("matchedSkills")).contains("Java", "Kubernetes", "PostgreSQL", "Apache Kafka");
    assertThat(pastry.getJsonArray("missingSkills")).contains("Pastry", "HACCP");
    assertThat(pastry.getString("jobCategory")).isEqualTo("hospitality");
    assertThat(java.getDouble("score")).isBetween(0.0, 100.0);
    assertThat(h.count("SELECT count(*) FROM job_match_analyses WHERE user_id = $1 AND session_id IS NOT NULL",
        me.id())).isEqualTo(2);
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND operation = 'job_match' "
        + "AND status = 'completed' AND input_tokens > 0", me.id())).isEqualTo(2);
  }

  @Test
  void aNurseResumeMatchesANursingJobBetterThanAnAccountingJob() {
    AiHarness.Caller me = h.caller();
    JsonObject nursing = match(me, Resumes.NURSE, Resumes.NURSING_JOB);
    JsonObject accounting = match(me, Resumes.NURSE, Resumes.ACCOUNTING_JOB);

    assertThat(nursing.getDouble("score")).isGreaterThan(accounting.getDouble("score"));
    assertThat(nursing.getJsonArray("matchedSkills")).contains("Basic Life Support", "Advanced Cardiac Life Support",
        "Patient Care");
    assertThat(accounting.getJsonArray("missingSkills")).contains("GAAP", "Account Reconciliation")
        .as("the posting only prefers it").doesNotContain("QuickBooks");
    assertThat(accounting.getJsonArray("missingPreferredSkills")).contains("QuickBooks");
    assertThat(nursing.getString("jobCategory")).isEqualTo("healthcare");
    assertThat(accounting.getJsonArray("recommendations").getString(0)).contains("GAAP");
  }

  @Test
  void knownSkillsAreFoundWithTheirAliasesAcrossTrades() {
    AiHarness.Caller me = h.caller();
    String text = """
        Deployed services to k8s and wrote REST APIs in Java.
        Certified in BLS; administering medications on a med-surg floor.
        Kept HACCP logs and ran the pastry station.
        Journeyman electrician: conduit bending to NEC code, PLC troubleshooting.
        Reconciled accounts in QuickBooks and built pivot tables.
        Lesson planning and classroom management for 28 students.
        """;
    TestClient.Response r = h.http.post("/api/v1/ai/skills", new JsonObject().put("text", text), me.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject skills = r.json().getJsonObject("skills");
    assertThat(names(skills, "technology")).contains("Kubernetes", "Java", "REST APIs");
    assertThat(names(skills, "healthcare")).contains("Basic Life Support", "Medication Administration");
    assertThat(names(skills, "hospitality")).contains("HACCP", "Pastry");
    assertThat(names(skills, "skilled_trades")).contains("Conduit Bending", "National Electrical Code",
        "Programmable Logic Controllers", "Journeyman License");
    assertThat(names(skills, "finance")).as("pivot tables are a skill of their own, finer than Excel")
        .contains("QuickBooks", "Pivot Tables");
    assertThat(names(skills, "education")).contains("Lesson Planning", "Classroom Management");
    JsonObject kubernetes = skills.getJsonArray("technology").stream().map(JsonObject.class::cast)
        .filter(s -> "Kubernetes".equals(s.getString("name"))).findFirst().orElseThrow();
    assertThat(kubernetes.getString("matchedBy")).isEqualTo("phrase");
    assertThat(kubernetes.getString("evidence")).contains("k8s");
    assertThat(r.json().getJsonArray("recommendations")).isNotEmpty();
    assertThat(h.count("SELECT count(*) FROM skill_analyses WHERE user_id = $1 AND skill_count = $2 "
        + "AND skills ? 'skilled_trades'", me.id(), r.json().getInteger("skillCount"))).isEqualTo(1);
    assertThat(h.count("SELECT total_analyses FROM get_skill_analysis_statistics($1)", me.id())).isEqualTo(1);
  }

  @Test
  void wordsInsideOtherWordsAndCommonWordsAreNotSkills() {
    AiHarness.Caller me = h.caller();
    TestClient.Response r = h.http.post("/api/v1/ai/skills", new JsonObject()
        .put("text", "I like to go for a walk, rest on a spring afternoon and excel at puzzles."), me.token());
    assertThat(r.status()).isEqualTo(201);
    JsonObject tech = r.json().getJsonObject("skills").getJsonObject("technology");
    assertThat(names(r.json().getJsonObject("skills"), "technology")).doesNotContain("Go", "REST APIs", "Spring Boot");
    assertThat(names(r.json().getJsonObject("skills"), "finance")).doesNotContain("Microsoft Excel");
    assertThat(tech == null || tech.isEmpty()).isTrue();
  }

  @Test
  void contentAnalysisFlagsAResumeWithoutQuantifiedAchievements() {
    AiHarness.Caller me = h.caller();
    TestClient.Response flat = h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text",
        Resumes.NO_NUMBERS), me.token());
    TestClient.Response quantified = h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text",
        Resumes.NURSE), me.token());

    assertThat(flat.status()).as(flat.toString()).isEqualTo(201);
    assertThat(categories(flat.json())).contains("quantified_achievements", "action_verbs");
    JsonObject weak = findings(flat.json()).stream().filter(f -> "action_verbs".equals(f.getString("category"))
        && f.containsKey("line")).findFirst().orElseThrow();
    assertThat(weak.getString("message")).startsWith("Line 5").contains("Responsible for");
    assertThat(flat.json().getJsonArray("sectionsFound")).contains("experience", "skills", "education");
    assertThat(flat.json().getInteger("quantifiedBullets")).isZero();
    assertThat(categories(quantified.json())).doesNotContain("quantified_achievements");
    assertThat(quantified.json().getDouble("impactScore")).isGreaterThan(flat.json().getDouble("impactScore"));
    assertThat(h.count("SELECT count(*) FROM content_analyses WHERE user_id = $1 AND findings @> "
        + "'[{\"category\": \"quantified_achievements\"}]'", me.id())).isEqualTo(1);
  }

  @Test
  void shortUnbulletedDutiesOfATradesResumeAreJudgedToo() {
    AiHarness.Caller me = h.caller();
    String electrician = "Jane Doe\nElectrician\nExperience\nResponsible for wiring houses.\n"
        + "Helped with panel upgrades.\nSkills\nNEC, conduit bending\n";
    TestClient.Response r = h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text", electrician),
        me.token());

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().getInteger("bullets")).isEqualTo(2);
    assertThat(findings(r.json()).stream().filter(f -> "action_verbs".equals(f.getString("category")))
        .map(f -> f.getString("text"))).contains("Responsible for wiring houses.", "Helped with panel upgrades.");
    assertThat(categories(r.json())).contains("quantified_achievements");
  }

  @Test
  void contentAnalysisNamesTheLinesThatApplicantTrackingSystemsMisread() {
    AiHarness.Caller me = h.caller();
    String text = Resumes.NURSE + "\nSkill | Level | Years\n[image: headshot.png]\nPage 1 of 2\nAward winner 🏆\n";
    TestClient.Response r = h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text", text), me.token());

    assertThat(r.status()).isEqualTo(201);
    List<JsonObject> ats = findings(r.json()).stream().filter(f -> "ats".equals(f.getString("category"))).toList();
    assertThat(ats).extracting(f -> f.getString("text"))
        .contains("Skill | Level | Years", "[image: headshot.png]", "Page 1 of 2", "Award winner 🏆");
    assertThat(ats).filteredOn(f -> f.containsKey("text")).allMatch(f -> f.getInteger("line") > 0);
    assertThat(r.json().getDouble("atsScore")).isLessThan(80.0);
  }

  @Test
  void aResumeIdIsResolvedByTheResumeServiceForItsOwnerOnly() {
    AiHarness.Caller me = h.caller();
    UUID mine = UUID.randomUUID();
    UUID silent = UUID.randomUUID();
    MessageConsumer<JsonObject> resumeService = h.vertx.eventBus().consumer(Addresses.RESUME_CONTENT_GET, m -> {
      UUID resumeId = UUID.fromString(m.body().getString("resumeId"));
      UUID userId = UUID.fromString(m.body().getString("userId"));
      if (resumeId.equals(silent)) {
        return;
      }
      if (resumeId.equals(mine) && userId.equals(me.id())) {
        m.reply(new ResumeContent(resumeId, userId, "Nurse", Resumes.NURSE).toJson());
      } else {
        m.fail(404, "no such résumé");
      }
    });
    resumeService.completion().await();
    try {
      TestClient.Response ok = h.http.post("/api/v1/ai/job-match", new JsonObject().put("resumeId", mine.toString())
          .put("jobDescription", Resumes.NURSING_JOB), me.token());
      assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
      assertThat(ok.json().getString("resumeId")).isEqualTo(mine.toString());
      assertThat(ok.json().getJsonArray("matchedSkills")).contains("Basic Life Support");

      AiHarness.Caller other = h.caller();
      TestClient.Response notTheirs = h.http.post("/api/v1/ai/job-match", new JsonObject()
          .put("resumeId", mine.toString()).put("jobDescription", Resumes.NURSING_JOB), other.token());
      EmbeddingsTest.assertProblem(notTheirs, 404);

      TestClient.Response timeout = h.http.post("/api/v1/ai/job-match", new JsonObject()
          .put("resumeId", silent.toString()).put("jobDescription", Resumes.NURSING_JOB), me.token());
      EmbeddingsTest.assertProblem(timeout, 504);

      assertThat(h.count("SELECT count(*) FROM job_match_analyses WHERE resume_id = $1 AND user_id = $2", mine,
          me.id())).isEqualTo(1);
      assertThat(h.count("SELECT count(*) FROM job_match_analyses WHERE user_id = $1", other.id())).isZero();
      assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1", other.id())).isZero();
      assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND operation = 'job_match' "
          + "AND status = 'failed' AND resume_id = $2 AND error_message LIKE '%in time%'", me.id(), silent))
          .isEqualTo(1);
    } finally {
      resumeService.unregister().await();
    }
  }

  private static List<String> names(JsonObject skills, String category) {
    JsonArray list = skills.getJsonArray(category, new JsonArray());
    return list.stream().map(o -> ((JsonObject) o).getString("name")).toList();
  }

  private static List<JsonObject> findings(JsonObject analysis) {
    return analysis.getJsonArray("findings").stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> categories(JsonObject analysis) {
    return findings(analysis).stream().map(f -> f.getString("category")).toList();
  }
}
