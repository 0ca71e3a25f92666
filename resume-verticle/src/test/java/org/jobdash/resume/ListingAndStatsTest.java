package org.jobdash.resume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class ListingAndStatsTest {

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static JsonObject page(ResumeHarness.Caller caller, String query) {
    TestClient.Response r = h.http.get("/api/v1/resumes" + query, caller.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static List<String> titles(JsonObject page) {
    return page.getJsonArray("items").stream().map(JsonObject.class::cast).map(o -> o.getString("title")).toList();
  }

  @Test
  void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeats() {
    ResumeHarness.Caller caller = h.newUser();
    for (int i = 1; i <= 7; i++) {
      h.createText(caller, "CV " + i, "text " + i);
    }
    h.createText(h.newUser(), "Someone else's", "x");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = page(caller, "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      seen.addAll(titles(page));
      assertThat(page.getJsonArray("items").getJsonObject(0).containsKey("content")).isFalse();
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("CV 7", "CV 6", "CV 5", "CV 4", "CV 3", "CV 2", "CV 1");
  }

  @Test
  void badListingParametersAre400() {
    ResumeHarness.Caller caller = h.newUser();
    for (String query : new String[] {"?limit=101", "?limit=0", "?limit=abc", "?status=done", "?cursor=garbage!",
        "?q=" + "x".repeat(300)}) {
      TestClient.Response r = h.http.get("/api/v1/resumes" + query, caller.token());
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(page(caller, "?limit=100").getJsonArray("items")).isEmpty();
  }

  @Test
  void statusAndTitleFiltersApplyWithWildcardsTakenLiterally() {
    ResumeHarness.Caller caller = h.newUser();
    String done = h.createText(caller, "Backend 100% remote", "a").getString("id");
    h.createText(caller, "Backend 1000 hours", "b");
    h.createText(caller, "Frontend_dev", "c");
    h.createText(caller, "Frontendxdev", "d");
    UUID request = UUID.fromString(h.nextAnalyzeRequest(done).getString("requestId"));
    h.vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, new AnalysisCompleted(request,
        UUID.fromString(done), caller.id(), AnalysisCompleted.COMPLETED, 90.0, 80.0, 70.0, 60.0, null, null, null,
        "m", 1, null).toJson());
    ResumeHarness.eventually("the analysis is applied", () -> page(caller, "?status=completed")
        .getJsonArray("items").size() == 1);

    assertThat(titles(page(caller, "?status=completed"))).containsExactly("Backend 100% remote");
    assertThat(titles(page(caller, "?status=pending"))).hasSize(3);
    assertThat(titles(page(caller, "?q=100%25"))).containsExactly("Backend 100% remote");
    assertThat(titles(page(caller, "?q=backend"))).hasSize(2);
    assertThat(titles(page(caller, "?q=d_d"))).containsExactly("Frontend_dev");
  }

  @Test
  void statsCountOnlyTheCallersData() {
    ResumeHarness.Caller caller = h.newUser();
    h.upload(caller, "cv.pdf", Documents.pdf("Stats person"), "application/pdf");
    String text = h.createText(caller, "Text CV", "line").getString("id");
    h.http.patch("/api/v1/resumes/" + text, new JsonObject().put("content", "line two"), caller.token());
    h.createText(h.newUser(), "Other", "not counted");

    TestClient.Response r = h.http.get("/api/v1/resumes/stats", caller.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject stats = r.json();
    assertThat(stats.getJsonObject("resumes").getLong("total")).isEqualTo(2);
    assertThat(stats.getJsonObject("resumes").getLong("withFile")).isEqualTo(1);
    assertThat(stats.getJsonObject("versions").getLong("totalVersions")).isEqualTo(3);
    assertThat(stats.getJsonObject("versions").getLong("userVersions")).isEqualTo(3);
    assertThat(stats.getJsonObject("optimizations").getLong("totalOptimizations")).isZero();
    JsonArray storage = stats.getJsonArray("storage");
    assertThat(storage).hasSize(1);
    assertThat(storage.getJsonObject(0).getString("storageProvider")).isEqualTo("local");
    assertThat(storage.getJsonObject(0).getLong("fileCount")).isEqualTo(1);
    assertThat(stats.getJsonArray("analysisMetrics")).isEmpty();
  }

  @Test
  void healthAndTheOpenApiDocumentAnswer() {
    TestClient.Response ready = h.http.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonObject("checks").getString("database")).isEqualTo("UP");
    TestClient.Response doc = h.http.get("/openapi.yaml", null);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.text()).startsWith("openapi: 3.1").contains("/api/v1/resumes/{id}/versions/compare")
        .contains("/api/v1/resumes/optimizations/{oid}/feedback");
  }
}
