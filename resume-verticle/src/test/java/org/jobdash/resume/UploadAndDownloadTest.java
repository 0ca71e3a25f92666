package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class UploadAndDownloadTest {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static void assertProblem(TestClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getInteger("status")).isEqualTo(status);
    assertThat(r.json().getString("detail")).isNotBlank();
  }

  private void assertNothingStored(ResumeHarness.Caller caller) {
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
    assertThat(h.storedFiles(caller.id())).isEmpty();
  }

  @Test
  void aRealPdfIsStoredWithItsTextAndSentForAnalysis() throws Exception {
    ResumeHarness.Caller caller = h.newUser();
    byte[] pdf = Documents.pdf("Jane Doe", "Senior Electrician", "EXPERIENCE", "Wired 40 houses in 2024");

    TestClient.Response r = h.upload(caller, "Jane CV.pdf", pdf, "application/octet-stream", "Jane's CV");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonObject body = r.json();
    String id = body.getString("id");
    assertThat(r.header("Location")).isEqualTo("/api/v1/resumes/" + id);
    assertThat(body.getString("title")).isEqualTo("Jane's CV");
    assertThat(body.getString("mimeType")).isEqualTo("application/pdf");
    assertThat(body.getString("originalFilename")).isEqualTo("Jane CV.pdf");
    assertThat(body.getInteger("fileSize")).isEqualTo(pdf.length);
    assertThat(body.getString("checksumSha256")).isEqualTo(Documents.sha256(pdf));
    assertThat(body.getString("processingStatus")).isEqualTo("pending");
    assertThat(body.getString("contentSource")).isEqualTo("upload");
    assertThat(body.getInteger("currentVersion")).isEqualTo(1);
    assertThat(body.getString("content")).contains("Jane Doe").contains("Senior Electrician").contains("Wired 40 houses");

    var row = h.sql("SELECT storage_provider, storage_key, content, ai_analysis ->> 'requestId' AS request_id, "
        + "analysis_attempts, analysis_requested_at FROM resumes WHERE id = $1", UUID.fromString(id)).iterator().next();
    assertThat(row.getString("storage_provider")).isEqualTo("local");
    assertThat(row.getString("storage_key")).matches("users/" + caller.id() + "/[0-9a-f-]{36}")
        .doesNotContain("Jane");
    assertThat(row.getString("content")).contains("Senior Electrician");
    assertThat(row.getInteger("analysis_attempts")).isEqualTo(1);
    assertThat(row.getOffsetDateTime("analysis_requested_at")).isNotNull();
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1 AND version_number = 1",
        UUID.fromString(id))).isEqualTo(1);
    List<Path> files = h.storedFiles(caller.id());
    assertThat(files).hasSize(1);
    assertThat(Files.readAllBytes(files.get(0))).isEqualTo(pdf);

    JsonObject analyze = h.nextAnalyzeRequest(id);
    assertThat(analyze.getString("requestId")).isEqualTo(row.getString("request_id"));
    assertThat(analyze.getString("userId")).isEqualTo(caller.id().toString());
    assertThat(analyze.getString("content")).contains("Senior Electrician");
    assertThat(analyze.getInteger("version")).isEqualTo(1);
  }

  @Test
  void aRealDocxIsRecognisedFromItsContentAndItsTextExtracted() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] docx = Documents.docx("John Smith", "Plumber with 12 years of experience", "Certified gas fitter");

    TestClient.Response r = h.upload(caller, "john.bin", docx, "text/plain");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("mimeType")).isEqualTo(DOCX);
    assertThat(r.json().getString("title")).isEqualTo("john");
    assertThat(r.json().getString("content")).contains("Plumber with 12 years of experience").contains("gas fitter");
    assertThat(h.sql("SELECT mime_type FROM resumes WHERE user_id = $1", caller.id()).iterator().next()
        .getString("mime_type")).isEqualTo(DOCX);
  }

  @Test
  void textIsPlainOrMarkdownByItsContentOrName() {
    ResumeHarness.Caller caller = h.newUser();
    String markdown = "# Ana Lima\n\n## Experience\n- **Nurse** at [City Hospital](https://example.org)\n";
    TestClient.Response md = h.upload(caller, "ana.txt", markdown.getBytes(StandardCharsets.UTF_8), "text/plain");
    TestClient.Response plain = h.upload(caller, "ana2.txt",
        "Ana Lima\nNurse, São Paulo\n- night shifts\n".getBytes(StandardCharsets.UTF_8), "text/markdown");
    TestClient.Response named = h.upload(caller, "notes.md", "Ana Lima\nNurse\n".getBytes(StandardCharsets.UTF_8),
        "text/plain");

    assertThat(md.status()).as(md.toString()).isEqualTo(201);
    assertThat(md.json().getString("mimeType")).isEqualTo("text/markdown");
    assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
    assertThat(plain.json().getString("mimeType")).isEqualTo("text/plain");
    assertThat(plain.json().getString("content")).contains("São Paulo");
    assertThat(named.json().getString("mimeType")).isEqualTo("text/markdown");
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isEqualTo(3);
  }

  @Test
  void aBinaryRenamedPdfIsRefusedAndNothingIsKept() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = h.upload(caller, "resume.pdf", Documents.randomBytes(4096, 42), "application/pdf");

    assertProblem(r, 415);
    assertThat(r.json().getString("detail")).contains("PDF, DOCX");
    assertNothingStored(caller);
  }

  @Test
  void aZipThatIsNotAWordDocumentIsRefused() throws Exception {
    ResumeHarness.Caller caller = h.newUser();
    var bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
    }

    assertProblem(h.upload(caller, "resume.docx", bytes.toByteArray(), DOCX), 415);
    assertNothingStored(caller);
  }

  @Test
  void anOversizeUploadIs413AndLeavesNoRowAndNoFile() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] big = "a line of a very long plain-text résumé\n".repeat(ResumeHarness.MAX_FILE / 20)
        .getBytes(StandardCharsets.UTF_8);
    assertThat(big.length).isGreaterThan(ResumeHarness.MAX_FILE + 64 * 1024);

    TestClient.Response r = h.upload(caller, "big.txt", big, "text/plain");

    assertProblem(r, 413);
    assertNothingStored(caller);
    ResumeHarness.eventually("the partial upload is removed", () -> h.leftoverUploads().isEmpty());
  }

  @Test
  void aFileJustOverTheLimitIs413Too() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] over = new byte[ResumeHarness.MAX_FILE + 1];
    java.util.Arrays.fill(over, (byte) 'x');

    assertProblem(h.upload(caller, "over.txt", over, "text/plain"), 413);
    assertNothingStored(caller);
  }

  @Test
  void whenTheRowCannotBeWrittenTheStoredFileIsRemovedAgain() {
    h.sql("""
        CREATE OR REPLACE FUNCTION test_reject_resume() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.title = 'reject-me' THEN
            RAISE EXCEPTION 'rejected by the test' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$""");
    h.sql("CREATE OR REPLACE TRIGGER test_reject_resume BEFORE INSERT ON resumes "
        + "FOR EACH ROW EXECUTE FUNCTION test_reject_resume()");
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = h.upload(caller, "cv.pdf", Documents.pdf("Never kept"), "application/pdf", "reject-me");

    assertProblem(r, 400);
    assertNothingStored(caller);
    assertThat(h.dataDir.resolve("files/users/" + caller.id()).toFile().list()).isNullOrEmpty();
  }

  @Test
  void theDatabasesUploadRuleRefusesAnUploadOverTheUsersQuota() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] text = "Quota test line\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    h.sql("UPDATE storage_configs SET max_user_storage_bytes = $1 WHERE is_default", (long) text.length + 100);
    try {
      assertThat(h.upload(caller, "one.txt", text, "text/plain").status()).isEqualTo(201);

      TestClient.Response second = h.upload(caller, "two.txt", text, "text/plain");

      assertProblem(second, 413);
      assertThat(second.json().getString("detail")).contains("quota");
      assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isEqualTo(1);
      assertThat(h.storedFiles(caller.id())).hasSize(1);
    } finally {
      h.sql("UPDATE storage_configs SET max_user_storage_bytes = 104857600 WHERE is_default");
    }
  }

  @Test
  void anEmptyFileIs400() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = h.upload(caller, "empty.pdf", new byte[0], "application/pdf");

    assertProblem(r, 400);
    assertThat(r.json().getString("detail")).contains("empty");
    assertNothingStored(caller);
  }

  @Test
  void corruptAndEncryptedFilesAre422AndSaySo() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response corrupt = h.upload(caller, "broken.pdf", Documents.corruptPdf(), "application/pdf");
    TestClient.Response lockedPdf = h.upload(caller, "locked.pdf", Documents.encryptedPdf(), "application/pdf");
    TestClient.Response lockedDocx = h.upload(caller, "locked.docx", Documents.encryptedDocx(), DOCX);

    assertProblem(corrupt, 422);
    assertThat(corrupt.json().getString("type")).endsWith("/corrupt");
    assertProblem(lockedPdf, 422);
    assertThat(lockedPdf.json().getString("type")).endsWith("/encrypted");
    assertProblem(lockedDocx, 422);
    assertThat(lockedDocx.json().getString("detail")).contains("encrypted");
    assertNothingStored(caller);
  }

  @Test
  void aDownloadReturnsTheIdenticalBytesWithTheChecksumAsEtag() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] docx = Documents.docx("Mia Wong", "Data analyst");
    String id = h.upload(caller, "Mia Wong – CV.docx", docx, DOCX).json().getString("id");

    TestClient.Response file = h.http.get("/api/v1/resumes/" + id + "/file", caller.token());

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body().getBytes()).isEqualTo(docx);
    assertThat(file.header("Content-Type")).isEqualTo(DOCX);
    assertThat(file.header("ETag")).isEqualTo("\"" + Documents.sha256(docx) + "\"");
    assertThat(file.header("Content-Disposition")).startsWith("attachment; filename=\"Mia Wong _ CV.docx\"")
        .contains("filename*=UTF-8''Mia%20Wong%20%E2%80%93%20CV.docx");
    TestClient.Response again = h.http.send(io.vertx.core.http.HttpMethod.GET, "/api/v1/resumes/" + id + "/file",
        caller.token(), null, Map.of("If-None-Match", file.header("ETag")));
    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void aTextResumeHasNoFile() {
    ResumeHarness.Caller caller = h.newUser();
    JsonObject created = h.createText(caller, "Plain CV", "Lee Park\nCarpenter\n");

    assertThat(created.getString("contentSource")).isEqualTo("text");
    assertThat(created.getBoolean("hasFile")).isFalse();
    assertThat(created.getString("content")).isEqualTo("Lee Park\nCarpenter\n");
    assertProblem(h.http.get("/api/v1/resumes/" + created.getString("id") + "/file", caller.token()), 404);
    assertThat(h.nextAnalyzeRequest(created.getString("id")).getString("content")).contains("Carpenter");
  }

  @Test
  void badJsonCreatesAre400() {
    ResumeHarness.Caller caller = h.newUser();
    assertProblem(h.http.post("/api/v1/resumes", new JsonObject().put("title", "x"), caller.token()), 400);
    assertProblem(h.http.post("/api/v1/resumes", new JsonObject().put("title", " ").put("content", "c"),
        caller.token()), 400);
    assertProblem(h.http.post("/api/v1/resumes", "{\"title\":", caller.token()), 400);
    assertProblem(h.http.post("/api/v1/resumes", new JsonObject().put("title", "x").put("content", "y"), null), 401);
    assertNothingStored(caller);
  }

  @Test
  void deletingRemovesTheRowsAndThenTheFile() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.upload(caller, "cv.pdf", Documents.pdf("To be deleted"), "application/pdf").json().getString("id");
    assertThat(h.storedFiles(caller.id())).hasSize(1);

    assertThat(h.http.delete("/api/v1/resumes/" + id, caller.token()).status()).isEqualTo(204);

    assertThat(h.count("SELECT count(*) FROM resumes WHERE id = $1", UUID.fromString(id))).isZero();
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(id))).isZero();
    assertThat(h.storedFiles(caller.id())).isEmpty();
    assertProblem(h.http.get("/api/v1/resumes/" + id, caller.token()), 404);
    assertProblem(h.http.delete("/api/v1/resumes/" + id, caller.token()), 404);
  }
}
