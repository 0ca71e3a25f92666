package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Files built to exhaust the service are refused with a 422 whose type names the reason, fast, with nothing stored,
 * and within a heap far smaller than what they expand to: the module's tests run with a small {@code -Xmx} (see
 * the surefire argLine in its pom) and the JVM exits on an OutOfMemoryError, so a bomb that got through would end
 * the run rather than pass.
 */
@ExtendWith(BlockedThreadGuard.class)
class UploadBombsTest {

  static final String DOCX = UploadAndDownloadTest.DOCX;
  /** Large enough for a 4 GiB FlateDecode bomb (about 4 MiB); the real default is 10 MiB. */
  static final int MAX_FILE = 8 * Bombs.MIB;
  /** A hang guard only: the bombs this refuses ran for more than 30 seconds, or forever. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the bomb tests prove a bounded heap only under a small -Xmx")
        .isLessThanOrEqualTo(512L * Bombs.MIB);
    h = ResumeHarness.start(new JsonObject().put("storage", new JsonObject().put("maxFileSizeBytes", MAX_FILE)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static TestClient.Response upload(ResumeHarness.Caller caller, String name, byte[] bytes, String type) {
    assertThat(bytes.length).isLessThan(MAX_FILE);
    return assertTimeoutPreemptively(HANG_GUARD, () -> h.upload(caller, name, bytes, type));
  }

  private static void assertRefused(TestClient.Response r, String type, ResumeHarness.Caller caller) {
    UploadAndDownloadTest.assertProblem(r, 422);
    assertThat(r.json().getString("type")).isEqualTo("https://jobdash.dev/problems/" + type);
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
    assertThat(h.storedFiles(caller.id())).isEmpty();
    ResumeHarness.eventually("the upload part is removed", () -> h.leftoverUploads().isEmpty());
  }

  @Test
  void aPdfWhosePageInflatesToFourGigabytesIsADecompressionBomb() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = upload(caller, "cv.pdf", Bombs.flatePdf(4096), "application/pdf");

    assertRefused(r, "decompression-bomb", caller);
  }

  @Test
  void aPdfOfTwentyThousandPagesIsRefused() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = upload(caller, "cv.pdf", Bombs.manyPagesPdf(20_000), "application/pdf");

    assertRefused(r, "too-many-pages", caller);
    assertThat(r.json().getString("detail")).contains("20000");
  }

  @Test
  void aDocxOfNinePartsOfNinetyFiveMegabytesIsRefusedFromItsDirectory() {
    ResumeHarness.Caller caller = h.newUser();
    List<Bombs.Part> parts = IntStream.rangeClosed(1, 9)
        .mapToObj(i -> Bombs.Part.zeros("word/media/image" + i + ".bin", 95)).toList();

    TestClient.Response r = upload(caller, "cv.docx", Bombs.docx(Documents.docx("Jane Doe"), List.of(), parts), DOCX);

    assertRefused(r, "decompression-bomb", caller);
    assertThat(r.json().getString("detail")).contains("declares");
  }

  @Test
  void aDocxPartThatLiesAboutItsSizeIsStoppedAsItInflates() {
    ResumeHarness.Caller caller = h.newUser();
    Bombs.Part lying = Bombs.Part.zeros("word/document.xml", 256).declaring(2048);

    TestClient.Response r = upload(caller, "cv.docx", Bombs.docx(Documents.docx("Jane Doe"), List.of(lying),
        List.of()), DOCX);

    assertRefused(r, "decompression-bomb", caller);
    assertThat(r.json().getString("detail")).contains("word/document.xml").contains("inflates more than");
  }

  @Test
  void aDocxWithABillionLaughsIsRefusedBeforeAnyEntityExpands() {
    ResumeHarness.Caller caller = h.newUser();
    Bombs.Part laughs = Bombs.Part.of("word/document.xml", Bombs.billionLaughsXml());

    TestClient.Response r = upload(caller, "cv.docx", Bombs.docx(Documents.docx("Jane Doe"), List.of(laughs),
        List.of()), DOCX);

    assertRefused(r, "xml-entity-expansion", caller);
    assertThat(r.json().getString("detail")).contains("word/document.xml");
  }

  @Test
  void afterTheBombsARealDocumentIsStillRead() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response pdf = upload(caller, "cv.pdf", Documents.pdf("Jane Doe", "Electrician"), "application/pdf");
    TestClient.Response docx = upload(caller, "cv.docx", Bombs.docx(Documents.docx("John Smith", "Plumber"),
        List.of(), List.of()), DOCX);

    assertThat(pdf.status()).as(pdf.toString()).isEqualTo(201);
    assertThat(pdf.json().getString("content")).contains("Electrician");
    assertThat(docx.status()).as(docx.toString()).isEqualTo(201);
    assertThat(docx.json().getString("content")).contains("Plumber");
  }
}
