package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job seeker's whole journey through the gateway, shared by the one-JVM and the cluster tests: register,
 * verify, log in, upload a PDF, wait for its analysis, match it to a job, optimise it, compare the versions,
 * give feedback. The verification token comes from {@code tokens} (the mail on the event bus, or the dev mail log).
 */
final class Journey {

  static final String RESUME_TEXT = """
      Priya Sharma — Registered Nurse
      Summary
      Registered nurse with 6 years in emergency and intensive care.
      Experience
      Charge Nurse, St Mary's Hospital, 2021-2025
      Responsible for triage of patients in a busy emergency department.
      Helped with medication administration and patient care plans.
      Skills
      Patient care, Triage, Medication administration, BLS, ACLS, Electronic health records
      Education
      BSc Nursing, University of Leeds
      """;

  static final String NURSING_JOB = "Emergency department registered nurse. Triage, patient assessment, "
      + "medication administration, BLS and ACLS certification, IV therapy, electronic health records, teamwork.";

  final TestClient http;
  final WebClient web;
  final int port;
  static final String PASSWORD = "a long enough journey passphrase";
  String email;
  String username;
  String accessToken;
  UUID userId;
  UUID resumeId;
  int aiVersion;

  Journey(Vertx vertx, int gatewayPort) {
    this.http = new TestClient(vertx, gatewayPort);
    this.web = WebClient.create(vertx);
    this.port = gatewayPort;
  }

  void register() {
    email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    username = "journey_" + UUID.randomUUID().toString().substring(0, 8);
    TestClient.Response r = http.post("/api/v1/auth/register", new JsonObject().put("email", email)
        .put("username", username).put("password", PASSWORD).put("fullName", "Priya Sharma"),
        null);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    userId = UUID.fromString(r.json().getString("id"));
  }

  void verify(String token) {
    TestClient.Response r = http.post("/api/v1/auth/email/verify", new JsonObject().put("token", token), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  void login() {
    TestClient.Response r = http.post("/api/v1/auth/login", new JsonObject().put("login", username)
        .put("password", PASSWORD), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getJsonObject("user").getBoolean("emailVerified")).isTrue();
    accessToken = r.json().getString("accessToken");
  }

  UUID uploadPdf() throws IOException {
    MultipartForm form = MultipartForm.create().attribute("title", "Nursing CV")
        .binaryFileUpload("file", "priya-cv.pdf", Buffer.buffer(pdf(RESUME_TEXT)), "application/pdf");
    var response = web.post(port, "127.0.0.1", "/api/v1/resumes").bearerTokenAuthentication(accessToken)
        .sendMultipartForm(form).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getString("processingStatus")).isEqualTo("pending");
    return UUID.fromString(response.bodyAsJsonObject().getString("id"));
  }

  JsonObject awaitAnalysis(UUID id, Duration within) {
    return await(() -> http.get("/api/v1/resumes/" + id + "/status", accessToken).json(),
        s -> "completed".equals(s.getString("processingStatus")), within);
  }

  void analysedAndMatched() {
    TestClient.Response analyses = http.get("/api/v1/resumes/" + resumeId + "/analyses", accessToken);
    assertThat(analyses.status()).isEqualTo(200);
    assertThat(analyses.text()).contains("Triage");
    TestClient.Response match = http.post("/api/v1/ai/job-match", new JsonObject()
        .put("resumeId", resumeId.toString()).put("jobDescription", NURSING_JOB).put("jobTitle", "ED Nurse"),
        accessToken);
    assertThat(match.status()).as(match.toString()).isEqualTo(201);
    assertThat(match.json().getDouble("score")).isBetween(0.0, 100.0);
    assertThat(match.json().getJsonArray("matchedSkills").encode()).containsIgnoringCase("triage");
  }

  void optimisedComparedAndRated(Duration within) {
    TestClient.Response requested = http.post("/api/v1/resumes/" + resumeId + "/optimizations",
        new JsonObject().put("jobDescription", NURSING_JOB).put("targetRole", "Emergency Nurse"), accessToken);
    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    String oid = requested.json().getString("id");
    JsonObject done = await(() -> http.get("/api/v1/resumes/optimizations/" + oid, accessToken).json(),
        o -> !"pending".equals(o.getString("status")) && !"processing".equals(o.getString("status")), within);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("completed");

    JsonArray versions = http.get("/api/v1/resumes/" + resumeId + "/versions", accessToken).json().getJsonArray("items");
    JsonObject byAi = versions.stream().map(JsonObject.class::cast)
        .filter(v -> "ai".equals(v.getString("createdBy"))).findFirst().orElseThrow();
    aiVersion = byAi.getInteger("versionNumber");
    TestClient.Response compare = http.get("/api/v1/resumes/" + resumeId + "/versions/compare?from=1&to=" + aiVersion,
        accessToken);
    assertThat(compare.status()).as(compare.toString()).isEqualTo(200);
    assertThat(compare.text()).contains("@@");

    TestClient.Response feedback = http.post("/api/v1/resumes/optimizations/" + oid + "/feedback",
        new JsonObject().put("rating", 5).put("helpful", true).put("comment", "Clearer verbs"), accessToken);
    assertThat(feedback.status()).as(feedback.toString()).isEqualTo(201);
  }

  /** Deletes the account; within a second its token creates nothing in the résumé or the AI service. */
  void deleteAccount() {
    assertThat(deleteAccount(accessToken).status()).isEqualTo(204);
    assertTokenCreatesNothing(accessToken);
  }

  /** A revoked token is refused by the résumé and AI services within a second of its revocation. */
  void assertTokenCreatesNothing(String token) {
    assertResumeRefuses(token);
    assertAiRefuses(token);
  }

  void assertResumeRefuses(String token) {
    await(() -> http.post("/api/v1/resumes", new JsonObject().put("title", "After the end")
        .put("content", RESUME_TEXT), token).status(), s -> s == 401, Duration.ofSeconds(1));
  }

  void assertAiRefuses(String token) {
    await(() -> embed(token), s -> s == 401, Duration.ofSeconds(1));
  }

  /** The AI service, once the gateway reaches it again (503 until then), refuses the token: it is never served. */
  void assertAiRefusesOnceReachable(String token, Duration within) {
    assertThat(await(() -> embed(token), s -> s != 503, within)).isEqualTo(401);
  }

  private int embed(String token) {
    return http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new io.vertx.core.json.JsonArray()
        .add("After the end")).put("sourceType", "text"), token).status();
  }

  /** DELETE /api/v1/users/me with the journey account's password, which a deletion asks for. */
  TestClient.Response deleteAccount(String token) {
    return http.send(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/users/me", token,
        new JsonObject().put("password", PASSWORD), java.util.Map.of());
  }

  static <T> T await(Supplier<T> probe, Predicate<T> done, Duration within) {
    return Waits.until(probe, done, within);
  }

  static byte[] pdf(String text) throws IOException {
    return pdfWithPadding(text, 0);
  }

  /** A PDF of {@code text} that also carries an unused stream of random bytes, to be about {@code size} long. */
  static byte[] pdfWithPadding(String text, int size) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      if (size > 0) {
        byte[] noise = new byte[size - 2_000];
        new java.util.Random(7).nextBytes(noise);
        org.apache.pdfbox.cos.COSStream stream = doc.getDocument().createCOSStream();
        try (var raw = stream.createRawOutputStream()) {
          raw.write(noise);
        }
        page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.getPDFName("JobdashPadding"), stream);
      }
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.setLeading(14);
        content.newLineAtOffset(50, 740);
        for (String line : text.replace("—", "-").split("\n")) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
