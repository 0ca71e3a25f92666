package org.jobdash.resume;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.sqlclient.Row;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Requests built to freeze, exhaust or crash the service get a quick answer: the right result or a 4xx problem. */
@ExtendWith(BlockedThreadGuard.class)
class HostileInputTest {

  /** A hang guard, not a performance target: the pattern this replaced held an event loop for about a minute. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertProblem(TestClient.Response r, int status, String field) {
    UploadAndDownloadTest.assertProblem(r, status);
    if (field != null) {
      assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(field);
    }
  }

  @Test
  void aHeadingWithThousandsOfSpacesIsEditedAtOnceWithItsVersionRows() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Spaces", "Jane Doe\nElectrician").getString("id");
    String content = "# a" + " ".repeat(3000) + "b\n";

    TestClient.Response r = assertTimeoutPreemptively(HANG_GUARD,
        () -> h.http.patch("/api/v1/resumes/" + id, new JsonObject().put("content", content), caller.token()));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getInteger("currentVersion")).isEqualTo(2);
    Row version = h.sql("SELECT content, created_by FROM resume_versions WHERE resume_id = $1 AND version_number = 2",
        UUID.fromString(id)).iterator().next();
    assertThat(version.getString("content")).isEqualTo(content);
    assertThat(version.getString("created_by")).isEqualTo("user");
    List<String> changes = new ArrayList<>();
    for (Row c : h.sql("SELECT section || ':' || change_type FROM resume_version_changes WHERE resume_id = $1",
        UUID.fromString(id))) {
      changes.add(c.getString(0));
    }
    // a 3,004-character line is no heading: the whole text is one section that changed
    assertThat(changes).containsExactly("content:modified");
  }

  @Test
  void manyHostileLinesInOneEditAreAnsweredAtOnce() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Lines", "Jane Doe").getString("id");
    String content = String.join("\n", "#" + " ".repeat(20_000) + "#", "1,".repeat(10_000),
        ("SKILLS\n").repeat(5_000), "Work experience" + " ".repeat(20_000) + ":", "# x" + " #".repeat(10_000));

    TestClient.Response r = assertTimeoutPreemptively(HANG_GUARD,
        () -> h.http.patch("/api/v1/resumes/" + id, new JsonObject().put("content", content), caller.token()));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(id)))
        .isEqualTo(2);
    // thousands of headings: compared as one whole, not one change row per line
    assertThat(h.count("SELECT count(*) FROM resume_version_changes WHERE resume_id = $1", UUID.fromString(id)))
        .isEqualTo(1);
  }

  @Test
  void aNulInTheTitleQueryIs400() {
    ResumeHarness.Caller caller = h.newUser();

    assertProblem(h.http.get("/api/v1/resumes?q=%00", caller.token()), 400, "q");
    assertProblem(h.http.get("/api/v1/resumes?q=cv%00x", caller.token()), 400, "q");
    assertThat(h.http.get("/api/v1/resumes?q=cv", caller.token()).status()).isEqualTo(200);
  }

  @Test
  void aNulInAMultipartTitleIs400AndNothingIsKept() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = h.upload(caller, "cv.txt", "Jane Doe\nElectrician\n".getBytes(StandardCharsets.UTF_8),
        "text/plain", "My\u0000CV");

    assertProblem(r, 400, "title");
    assertNothingKept(caller);
  }

  @Test
  void aFileNameOfFiveThousandCharactersIs400() {
    ResumeHarness.Caller caller = h.newUser();

    TestClient.Response r = h.upload(caller, "a".repeat(5_000) + ".txt",
        "Jane Doe\nElectrician\n".getBytes(StandardCharsets.UTF_8), "text/plain");

    assertProblem(r, 400, "file");
    assertNothingKept(caller);
  }

  @Test
  void aFileNameTooLongForTheFormDecoderIs400Too() throws Exception {
    ResumeHarness.Caller caller = h.newUser();
    String boundary = "hostile-boundary";
    byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + "a".repeat(5_000) + ".txt\"\r\nContent-Type: text/plain\r\n\r\nJane Doe\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    String head = "POST /api/v1/resumes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + caller.token()
        + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n";

    // in small pieces, the part's headers outgrow what the form decoder keeps between two pieces
    String answer = rawExchange(head.getBytes(StandardCharsets.US_ASCII), body, 200);

    assertThat(answer).startsWith("HTTP/1.1 400 ");
    assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
    assertThat(answer).contains("too long");
    assertNothingKept(caller);
  }

  /** Sends {@code head}, then {@code body} in pieces of {@code piece} bytes a few ms apart; the whole answer. */
  private static String rawExchange(byte[] head, byte[] body, int piece) throws Exception {
    NetSocket socket = h.vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true))
        .connect(h.http.port(), "127.0.0.1").await();
    Buffer answer = Buffer.buffer();
    CompletableFuture<String> closed = new CompletableFuture<>();
    socket.handler(answer::appendBuffer);
    socket.closeHandler(v -> closed.complete(answer.toString(StandardCharsets.UTF_8)));
    socket.write(Buffer.buffer(head)).await();
    for (int i = 0; i < body.length && !closed.isDone(); i += piece) {
      socket.write(Buffer.buffer(Arrays.copyOfRange(body, i, Math.min(body.length, i + piece)))).await();
      ResumeHarness.pause(Duration.ofMillis(5));
    }
    return closed.get(10, TimeUnit.SECONDS);
  }

  @Test
  void unpairedSurrogatesInJsonTextFieldsAre400() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Surrogates", "Jane Doe").getString("id");

    assertProblem(h.http.post("/api/v1/resumes", "{\"title\":\"CV \\ud800\",\"content\":\"Jane\"}", caller.token()),
        400, "title");
    assertProblem(h.http.post("/api/v1/resumes", "{\"title\":\"CV\",\"content\":\"Jane \\udc00 Doe\"}",
        caller.token()), 400, "content");
    assertProblem(h.http.patch("/api/v1/resumes/" + id, "{\"content\":\"Jane \\ud83d Doe\"}", caller.token()),
        400, "content");
    assertProblem(h.http.patch("/api/v1/resumes/" + id, "{\"title\":\"\\udfff\"}", caller.token()), 400, "title");
    assertProblem(h.http.post("/api/v1/resumes/" + id + "/optimizations", "{\"targetRole\":\"Chef \\ud800\"}",
        caller.token()), 400, "targetRole");
    // a pair is a real character and is kept
    TestClient.Response emoji = h.http.patch("/api/v1/resumes/" + id, "{\"content\":\"Jane \\ud83d\\ude00 Doe\"}",
        caller.token());
    assertThat(emoji.status()).as(emoji.toString()).isEqualTo(200);
    assertThat(h.sql("SELECT content FROM resumes WHERE id = $1", UUID.fromString(id)).iterator().next().getString(0))
        .isEqualTo("Jane \ud83d\ude00 Doe");
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(id)))
        .isEqualTo(2);
  }

  @Test
  void everyHostileRequestWithoutATokenIs401BeforeItsBodyIsRead() {
    HttpResponse<Buffer> upload = h.http.webClient().post("/api/v1/resumes")
        .sendMultipartForm(MultipartForm.create().attribute("title", "x\u0000")
            .binaryFileUpload("file", "a".repeat(5_000), Buffer.buffer(Bombs.flatePdf(64)), "application/pdf"))
        .await();
    TestClient.Response patch = h.http.patch("/api/v1/resumes/" + UUID.randomUUID(),
        new JsonObject().put("content", "# a" + " ".repeat(3000) + "b\n"), null);

    assertThat(upload.statusCode()).isEqualTo(401);
    assertThat(patch.status()).isEqualTo(401);
    ResumeHarness.eventually("the refused upload leaves no part", () -> h.leftoverUploads().isEmpty());
  }

  private static void assertNothingKept(ResumeHarness.Caller caller) {
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
    assertThat(h.storedFiles(caller.id())).isEmpty();
    ResumeHarness.eventually("the upload part is removed", () -> h.leftoverUploads().isEmpty());
  }
}
