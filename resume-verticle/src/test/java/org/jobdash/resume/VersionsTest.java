package org.jobdash.resume;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class VersionsTest {

  static ResumeHarness h;

  static final String V1 = """
      Jane Doe
      Electrician

      EXPERIENCE
      Acme Power, 2019-2024
      Wired 40 houses

      SKILLS
      Wiring, Safety""";

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static TestClient.Response patch(ResumeHarness.Caller caller, String id, JsonObject body) {
    return h.http.patch("/api/v1/resumes/" + id, body, caller.token());
  }

  @Test
  void twentyConcurrentContentChangesMakeVersionsOneToTwentyOne() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Concurrent", V1).getString("id");

    List<Future<HttpResponse<Buffer>>> edits = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      edits.add(h.http.webClient().patch("/api/v1/resumes/" + id).bearerTokenAuthentication(caller.token())
          .sendJsonObject(new JsonObject().put("content", V1 + "\nEdit number " + i).put("changeSummary", "edit " + i)));
    }
    Future.all(edits).await();

    for (Future<HttpResponse<Buffer>> edit : edits) {
      assertThat(edit.result().statusCode()).as(edit.result().bodyAsString()).isEqualTo(200);
    }
    List<Integer> numbers = new ArrayList<>();
    for (Row r : h.sql("SELECT version_number FROM resume_versions WHERE resume_id = $1 ORDER BY version_number",
        UUID.fromString(id))) {
      numbers.add(r.getInteger(0));
    }
    assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 21).boxed().toList());
    assertThat(h.count("SELECT current_version FROM resumes WHERE id = $1", UUID.fromString(id))).isEqualTo(21);
    assertThat(h.count("SELECT count(*) FROM resume_version_changes WHERE resume_id = $1 AND source = 'user'",
        UUID.fromString(id))).isEqualTo(20);
    JsonArray history = h.http.get("/api/v1/resumes/" + id + "/versions", caller.token()).json().getJsonArray("items");
    assertThat(history).hasSize(21);
    assertThat(history.getJsonObject(0).getInteger("versionNumber")).isEqualTo(21);
    assertThat(history.getJsonObject(0).getBoolean("current")).isTrue();
    assertThat(history.getJsonObject(20).getString("versionReason")).isEqualTo("Initial version");
  }

  @Test
  void anEditRecordsItsSectionChangesAndAsksForANewAnalysis() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Sections", V1).getString("id");
    String firstRequest = h.nextAnalyzeRequest(id).getString("requestId");
    String v2 = V1.replace("Wired 40 houses", "Wired 45 houses") + "\n\nCERTIFICATIONS\nMaster electrician";

    TestClient.Response r = patch(caller, id, new JsonObject().put("content", v2).put("title", "Sections v2")
        .put("changeSummary", "More houses"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getInteger("currentVersion")).isEqualTo(2);
    assertThat(r.json().getString("title")).isEqualTo("Sections v2");
    assertThat(r.json().getString("processingStatus")).isEqualTo("pending");
    JsonObject version = h.http.get("/api/v1/resumes/" + id + "/versions/2", caller.token()).json();
    assertThat(version.getString("content")).isEqualTo(v2);
    assertThat(version.getString("createdBy")).isEqualTo("user");
    assertThat(version.getString("versionReason")).isEqualTo("More houses");
    assertThat(version.getString("title")).isEqualTo("Sections v2");
    List<String> changes = version.getJsonArray("changes").stream().map(JsonObject.class::cast)
        .map(c -> c.getString("section") + ":" + c.getString("changeType")).toList();
    assertThat(changes).containsExactlyInAnyOrder("title:modified", "EXPERIENCE:modified", "CERTIFICATIONS:added");
    String again = h.nextAnalyzeRequest(id).getString("requestId");
    assertThat(again).isNotEqualTo(firstRequest);
    assertThat(h.sql("SELECT ai_analysis ->> 'requestId' FROM resumes WHERE id = $1", UUID.fromString(id))
        .iterator().next().getString(0)).isEqualTo(again);

    TestClient.Response titleOnly = patch(caller, id, new JsonObject().put("title", "Renamed"));
    assertThat(titleOnly.json().getInteger("currentVersion")).isEqualTo(2);
    assertThat(titleOnly.json().getString("title")).isEqualTo("Renamed");
    TestClient.Response same = patch(caller, id, new JsonObject().put("content", v2));
    assertThat(same.json().getInteger("currentVersion")).isEqualTo(2);
  }

  @Test
  void badEditsAre400() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Bad edits", V1).getString("id");
    assertThat(patch(caller, id, new JsonObject()).status()).isEqualTo(400);
    assertThat(patch(caller, id, new JsonObject().put("content", " ")).status()).isEqualTo(400);
    assertThat(patch(caller, id, new JsonObject().put("title", 5)).status()).isEqualTo(400);
    assertThat(patch(caller, id, new JsonObject().put("changeSummary", "x".repeat(300)).put("content", "new"))
        .status()).isEqualTo(400);
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(id))).isEqualTo(1);
  }

  @Test
  void compareGivesTheSeedCountsAndAUnifiedDiff() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Compare", "line one\nline two\nline three").getString("id");
    patch(caller, id, new JsonObject().put("content", "line one\nline 2\nline three\nline four"));
    patch(caller, id, new JsonObject().put("content", "line one\nline 2\nline four\nline five\nline six"));

    TestClient.Response r = h.http.get("/api/v1/resumes/" + id + "/versions/compare?from=1&to=3", caller.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject c = r.json();
    assertThat(c.getInteger("from")).isEqualTo(1);
    assertThat(c.getInteger("to")).isEqualTo(3);
    // removed: "line two", "line three"; added: "line 2", "line four", "line five", "line six"
    assertThat(c.getInteger("linesChanged")).isEqualTo(2);
    assertThat(c.getInteger("linesAdded")).isEqualTo(2);
    assertThat(c.getInteger("linesRemoved")).isZero();
    assertThat(c.getJsonArray("changes")).hasSize(2);
    assertThat(c.getString("unifiedDiff"))
        .startsWith("--- version 1\n+++ version 3\n@@")
        .contains("-line two\n").contains("-line three\n").contains("+line 2\n").contains("+line six");
    assertThat(h.http.get("/api/v1/resumes/" + id + "/versions/compare?from=1&to=9", caller.token()).status())
        .isEqualTo(404);
    assertThat(h.http.get("/api/v1/resumes/" + id + "/versions/compare?from=1", caller.token()).status())
        .isEqualTo(400);
    assertThat(h.http.get("/api/v1/resumes/" + id + "/versions/compare?from=x&to=2", caller.token()).status())
        .isEqualTo(400);
  }

  @Test
  void restoreMakesANewVersionWithTheOldContentAndKeepsHistory() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Restore", V1).getString("id");
    patch(caller, id, new JsonObject().put("content", "Something else entirely"));
    patch(caller, id, new JsonObject().put("content", "A third text"));

    TestClient.Response r = h.http.post("/api/v1/resumes/" + id + "/versions/1/restore", null, caller.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.header("Location")).endsWith("/versions/4");
    JsonObject v4 = r.json();
    assertThat(v4.getInteger("versionNumber")).isEqualTo(4);
    assertThat(v4.getString("createdBy")).isEqualTo("restore");
    assertThat(v4.getInteger("restoredFromVersion")).isEqualTo(1);
    assertThat(v4.getString("content")).isEqualTo(V1);
    assertThat(v4.getJsonArray("changes")).isNotEmpty()
        .allSatisfy(c -> assertThat(((JsonObject) c).getString("source")).isEqualTo("restore"));
    JsonObject resume = h.http.get("/api/v1/resumes/" + id, caller.token()).json();
    assertThat(resume.getString("content")).isEqualTo(V1);
    assertThat(resume.getInteger("currentVersion")).isEqualTo(4);
    assertThat(h.sql("SELECT content FROM resume_versions WHERE resume_id = $1 AND version_number = 2",
        UUID.fromString(id)).iterator().next().getString(0)).isEqualTo("Something else entirely");
    assertThat(h.http.post("/api/v1/resumes/" + id + "/versions/9/restore", null, caller.token()).status())
        .isEqualTo(404);
    assertThat(h.http.get("/api/v1/resumes/" + id + "/versions/abc", caller.token()).status()).isEqualTo(404);
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1", UUID.fromString(id))).isEqualTo(4);
  }
}
