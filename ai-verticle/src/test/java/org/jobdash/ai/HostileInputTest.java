package org.jobdash.ai;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;
import org.jobdash.common.work.BoundedWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Requests made to hurt: an anonymous body of megabytes, text that cannot be stored, JSON of the wrong shape, texts
 * that made the old patterns backtrack, a client that goes away. Each gets a 4xx problem or its answer, never a
 * 500 or a worker tied up.
 */
@ExtendWith(BlockedThreadGuard.class)
class HostileInputTest {

  static final Duration HANG_GUARD = Duration.ofSeconds(60);
  static AiHarness h;

  @BeforeAll
  static void start() {
    // one inference thread, so that a test can hold it and see a request queue behind it
    h = AiHarness.start(new JsonObject().put("inference", new JsonObject().put("threads", 1).put("queueSize", 8)));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void anAnonymousTenMegabyteBatchIs401BeforeItsBodyIsSent() throws IOException {
    // a plain socket: it sends the head of a 10 MB request and the first bytes of its body, then only reads
    try (Socket socket = new Socket("127.0.0.1", h.http.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/ai/embeddings/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + (10 << 20) + "\r\n\r\n{\"items\": [").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      Map<String, String> headers = new java.util.HashMap<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
      }
      char[] body = new char[Integer.parseInt(headers.get("content-length"))];
      int read = 0;
      while (read < body.length) {
        read += in.read(body, read, body.length - read);
      }

      assertThat(status).isEqualTo("HTTP/1.1 401 Unauthorized");
      assertThat(headers).containsEntry("content-type", "application/problem+json")
          .containsEntry("www-authenticate", "Bearer");
      assertThat(new JsonObject(new String(body)).getInteger("status")).isEqualTo(401);
    }
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/sessions", null), 401);
  }

  @Test
  void authenticatedBodiesAreStillReadWholeBehindTheTokenCheck() {
    AiHarness.Caller me = h.caller();
    JsonArray items = new JsonArray();
    for (int i = 0; i < 300; i++) {
      items.add(new JsonObject().put("sourceType", "custom").put("vector", EmbeddingsTest.randomVector(new Random(i))));
    }
    TestClient.Response batch = h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", items),
        me.token());
    assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
    assertThat(batch.json().getInteger("stored")).isEqualTo(300);
    TestClient.Response skills = h.http.post("/api/v1/ai/skills", new JsonObject().put("text",
        "Journeyman electrician: conduit bending to NEC code"), me.token());
    assertThat(skills.status()).as(skills.toString()).isEqualTo(201);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isEqualTo(300);
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/nowhere", me.token()), 404);
  }

  @Test
  void nulCharactersAndUnpairedSurrogatesAre400sNamingTheField() {
    AiHarness.Caller me = h.caller();
    String nul = "\\u0000";
    String high = "\\ud83c";
    String low = "\\udc00";
    Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put("POST /api/v1/ai/embeddings {\"texts\": [\"fine\", \"a" + nul + "b\"]}", List.of("texts[1]"));
    cases.put("POST /api/v1/ai/embeddings {\"texts\": [\"half " + high + " a pair\"]}", List.of("texts[0]"));
    cases.put("POST /api/v1/ai/embeddings/search {\"text\": \"" + nul + "\"}", List.of("text"));
    cases.put("POST /api/v1/ai/skills {\"text\": \"Welder " + high + "\"}", List.of("text"));
    cases.put("POST /api/v1/ai/content-analysis {\"text\": \"" + low + " Experience\"}", List.of("text"));
    cases.put("POST /api/v1/ai/content-analysis {\"text\": \"Experience " + nul + "\"}", List.of("text"));
    cases.put("POST /api/v1/ai/job-match {\"resumeText\": \"Chef\", \"jobDescription\": \"Cook" + nul
        + "\", \"jobTitle\": \"Sous " + high + "\"}", List.of("jobDescription", "jobTitle"));
    cases.put("POST /api/v1/ai/job-match {\"resumeText\": \"" + low + "\", \"jobDescription\": \"Cook\"}",
        List.of("resumeText"));
    cases.put("POST /api/v1/ai/optimize {\"resumeText\": \"Chef " + high + "\", \"targetRole\": \"x" + nul + "\"}",
        List.of("resumeText", "targetRole"));
    cases.put("PUT /api/v1/ai/preferences {\"focusAreas\": [\"grill\", \"" + nul + "\"], \"targetIndustry\": \""
        + low + "\", \"customKeywords\": [\"" + high + "\"]}", List.of("focusAreas[1]", "targetIndustry",
        "customKeywords[0]"));
    cases.put("POST /api/v1/ai/embeddings/batch {\"items\": [{\"sourceType\": \"custom\", \"contentText\": \"" + nul
        + "\", \"metadata\": {\"k\": \"" + high + "\"}, \"vector\": " + EmbeddingsTest.randomVector(new Random(1))
        + "}]}", List.of("items[0].contentText", "items[0].metadata"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      String[] request = c.getKey().split(" ", 3);
      TestClient.Response r = h.http.send(HttpMethod.valueOf(request[0]), request[1], me.token(), request[2],
          Map.of());
      EmbeddingsTest.assertProblem(r, 400);
      assertThat(fields(r)).as(c.getKey()).containsExactlyElementsOf(c.getValue());
    }
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1", me.id())).isZero();
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", me.id())).isZero();
    assertThat(h.count("SELECT count(*) FROM user_optimization_preferences WHERE user_id = $1", me.id())).isZero();
  }

  @Test
  void jsonOfTheWrongShapeIsA400NamingTheField() {
    AiHarness.Caller me = h.caller();
    Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put("/api/v1/ai/embeddings {\"texts\": null}", List.of("texts"));
    cases.put("/api/v1/ai/embeddings {\"texts\": \"one text\"}", List.of("texts"));
    cases.put("/api/v1/ai/embeddings {\"texts\": [5, null, \"ok\"]}", List.of("texts[0]", "texts[1]"));
    cases.put("/api/v1/ai/job-match {\"resumeId\": null, \"jobDescription\": \"Cook\"}", List.of("resumeText"));
    cases.put("/api/v1/ai/job-match {\"resumeId\": 7, \"jobDescription\": [\"Cook\"]}",
        List.of("resumeId", "jobDescription"));
    cases.put("/api/v1/ai/skills {\"text\": 5}", List.of("text"));
    cases.put("/api/v1/ai/embeddings/search {\"vector\": {\"x\": 1}, \"k\": \"5\"}", List.of("vector", "k"));
    cases.put("/api/v1/ai/embeddings/search {\"text\": \"chef\", \"k\": 1e300}", List.of("k"));
    cases.put("/api/v1/ai/embeddings/batch {\"items\": [{\"sourceType\": \"custom\", \"chunkIndex\": "
        + "123456789012345678901234567890, \"vector\": [NaN]}]}", List.of("items[0].vector[0]"));
    cases.put("/api/v1/ai/embeddings/batch {\"items\": [{\"sourceType\": \"custom\", \"chunkIndex\": "
        + "123456789012345678901234567890, \"vector\": " + EmbeddingsTest.randomVector(new Random(2)) + "}]}",
        List.of("items[0].chunkIndex"));
    cases.put("/api/v1/ai/embeddings/batch {\"items\": [{\"sourceType\": \"custom\", \"metadata\": "
        + "{\"a\": ".repeat(3_000) + "1" + "}".repeat(3_000) + "}]}", List.of("items[0].metadata.a.a"));
    cases.put("/api/v1/ai/embeddings/batch {\"items\": [{\"sourceType\": \"custom\", \"vector\": [0.1, 0.2",
        List.of("items[0].vector"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      String[] request = c.getKey().split(" ", 2);
      TestClient.Response r = h.http.post(request[0], request[1], me.token());
      EmbeddingsTest.assertProblem(r, 400);
      List<String> fields = fields(r);
      assertThat(fields).as(c.getKey()).hasSameSizeAs(c.getValue());
      for (int i = 0; i < fields.size(); i++) {
        assertThat(fields.get(i)).as(c.getKey()).startsWith(c.getValue().get(i));
      }
    }
    for (String body : List.of("[]", "null", "\"text\"", "[".repeat(5_000) + "]".repeat(5_000), "{\"text\": ")) {
      EmbeddingsTest.assertProblem(h.http.post("/api/v1/ai/content-analysis", body, me.token()), 400);
    }
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1", me.id())).isZero();
  }

  @Test
  void textsThatMadeThePatternsBacktrackAreAnsweredAtOnce() {
    AiHarness.Caller me = h.caller();
    int limit = 100_000;
    String commas = "Experience\n- " + "1,".repeat(limit / 2 - 20);
    String marks = "#".repeat(limit - 20) + "x";
    String spaces = "Needs 1" + " ".repeat(limit - 20) + "x";
    String dangling = "Experience\n- team player" + " a".repeat(limit / 2 - 30);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (String text : List.of(commas, marks)) {
        TestClient.Response r = h.http.post("/api/v1/ai/content-analysis", new JsonObject().put("text", text),
            me.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
      }
      TestClient.Response match = h.http.post("/api/v1/ai/job-match", new JsonObject().put("resumeText",
          Resumes.NURSE).put("jobDescription", spaces), me.token());
      assertThat(match.status()).as(match.toString()).isEqualTo(201);
      TestClient.Response optimized = h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText", dangling),
          me.token());
      assertThat(optimized.status()).as(optimized.toString()).isEqualTo(201);
    });
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND status = 'completed'",
        me.id())).isEqualTo(4);
  }

  @Test
  void aClientThatGoesAwayCancelsItsQueuedWork() throws Exception {
    AiHarness.Caller me = h.caller();
    BoundedWorker inference = h.inference();
    AiHarness.Held held = h.holdInferenceThread();
    HttpClient client = h.vertx.createHttpClient();
    try {
      HttpClientRequest request = client.request(new RequestOptions().setMethod(HttpMethod.POST)
          .setHost("127.0.0.1").setPort(h.http.port()).setURI("/api/v1/ai/skills")
          .putHeader("Authorization", "Bearer " + me.token())).await();
      request.putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("text", Resumes.NURSE.repeat(20)).toBuffer()).await();
      Waits.until(inference::pending, pending -> pending == 2, Duration.ofSeconds(10));
      request.connection().close().await();
      // the service notices a closed loopback connection within milliseconds
      Waits.pause(Duration.ofMillis(500));
    } finally {
      assertThat(held.release()).isTrue();
      client.close().await();
    }

    String error = Waits.until(() -> {
      var rows = h.sql("SELECT error_message FROM ai_processing_sessions WHERE user_id = $1 AND status = 'failed'",
          me.id());
      return rows.size() == 0 ? null : rows.iterator().next().getString("error_message");
    }, e -> e != null, Duration.ofSeconds(10));
    assertThat(error).contains("cancelled");
    assertThat(h.count("SELECT count(*) FROM skill_analyses WHERE user_id = $1", me.id())).isZero();
    Waits.until(inference::pending, pending -> pending == 0, Duration.ofSeconds(10));
  }

  private static List<String> fields(TestClient.Response r) {
    JsonArray errors = r.json().getJsonArray("errors", new JsonArray());
    return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }
}
