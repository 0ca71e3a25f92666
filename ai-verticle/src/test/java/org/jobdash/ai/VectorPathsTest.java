package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The same search scenario on both storage paths: the shared test server (embedded PostgreSQL without pgvector:
 * {@code real[]} and exact cosine in SQL) and PGlite with pgvector ({@code vector(384)} and {@code <=>}). Both
 * must give the same sources in the same order with the same scores, and agree with cosine computed here.
 */
@ExtendWith(BlockedThreadGuard.class)
class VectorPathsTest {

  static final List<String> TEXTS = List.of(
      "Registered nurse in a 24-bed ICU, titrating vasoactive drips",
      "Charge nurse on a medical-surgical floor, precepting new graduates",
      "Pastry chef producing laminated doughs and plated desserts",
      "Line cook on the grill station for 300 covers a night",
      "Staff accountant: month-end close, reconciliations, GAAP",
      "Accounts payable clerk processing 400 invoices a week in QuickBooks",
      "Journeyman electrician: conduit bending, panel upgrades, NEC",
      "HVAC technician, EPA 608 certified, commercial rooftop units",
      "Backend engineer building Java microservices on Kubernetes",
      "Frontend developer shipping React and TypeScript apps",
      "Third-grade teacher, differentiated reading groups",
      "Warehouse lead running cycle counts and RF scanning");
  static final List<String> QUERIES = List.of("critical care nursing", "baking and desserts",
      "electrical contractor", "software engineering with Java");

  static AiHarness embedded;
  static AiHarness pgvector;
  static PgliteServer pglite;
  static final AiHarness.Caller CALLER = new AiHarness.Caller(UUID.randomUUID(), null);

  @BeforeAll
  static void start() throws Exception {
    embedded = AiHarness.start(PostgresFixture.migratedDatabase("ai"), new JsonObject(), 1);
    pglite = PgliteServer.startMigrated();
    pgvector = AiHarness.start(pglite.url(), new JsonObject().put("database", new JsonObject()
        .put("poolSize", 2).put("cachePreparedStatements", false)), 1);
  }

  @AfterAll
  static void stop() {
    if (pgvector != null) {
      pgvector.close();
    }
    if (pglite != null) {
      pglite.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  @Test
  void eachServerReportsItsVectorPath() {
    String kind = PostgresFixture.kind();
    String embeddedPath = embedded.http.get("/health/ready", null).json().getJsonObject("checks").getString("vectors");
    assertThat(embeddedPath).isEqualTo("embedded".equals(kind) ? "real[]" : "vector(384)");
    assertThat(pgvector.http.get("/health/ready", null).json().getJsonObject("checks").getString("vectors"))
        .isEqualTo("vector(384)");
    assertThat(pgvector.count("SELECT count(*) FROM pg_extension WHERE extname = 'vector'")).isEqualTo(1);
  }

  @Test
  void textSearchGivesTheSameSourcesOrderAndScoresOnBothPaths() {
    List<UUID> sources = new ArrayList<>();
    for (String text : TEXTS) {
      UUID source = UUID.randomUUID();
      sources.add(source);
      for (AiHarness h : List.of(embedded, pgvector)) {
        TestClient.Response r = h.http.post("/api/v1/ai/embeddings", new JsonObject()
            .put("texts", new JsonArray().add(text)).put("sourceType", "job_description")
            .put("sourceId", source.toString()), token(h));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
      }
    }
    for (String query : QUERIES) {
      JsonArray a = search(embedded, new JsonObject().put("text", query).put("k", 5));
      JsonArray b = search(pgvector, new JsonObject().put("text", query).put("k", 5));
      assertSameAnswers(a, b);
    }
    assertThat(embedded.count("SELECT count(*) FROM embeddings WHERE user_id = $1", CALLER.id())).isEqualTo(12);
    assertThat(pgvector.count("SELECT count(*) FROM embeddings WHERE user_id = $1", CALLER.id())).isEqualTo(12);
  }

  @Test
  void vectorSearchAgreesWithExactCosineOnBothPaths() {
    Random random = new Random(42);
    List<double[]> vectors = new ArrayList<>();
    JsonArray items = new JsonArray();
    for (int i = 0; i < 200; i++) {
      double[] v = new double[384];
      JsonArray json = new JsonArray();
      for (int d = 0; d < 384; d++) {
        v[d] = (float) random.nextGaussian();
        json.add(v[d]);
      }
      vectors.add(v);
      items.add(new JsonObject().put("sourceType", "custom").put("sourceId", new UUID(0, i).toString())
          .put("vector", json));
    }
    for (AiHarness h : List.of(embedded, pgvector)) {
      TestClient.Response r = h.http.post("/api/v1/ai/embeddings/batch", new JsonObject().put("items", items)
          .put("model", "test-vectors"), token(h));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    for (int q = 0; q < 3; q++) {
      double[] query = new double[384];
      JsonArray json = new JsonArray();
      for (int d = 0; d < 384; d++) {
        query[d] = (float) random.nextGaussian();
        json.add(query[d]);
      }
      JsonArray a = search(embedded, new JsonObject().put("vector", json).put("k", 10).put("sourceType", "custom"));
      JsonArray b = search(pgvector, new JsonObject().put("vector", json).put("k", 10).put("sourceType", "custom"));
      assertSameAnswers(a, b);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < vectors.size(); i++) {
        expected.add(i);
      }
      expected.sort(Comparator.comparingDouble((Integer i) -> -cosine(vectors.get(i), query)));
      for (int i = 0; i < 10; i++) {
        JsonObject hit = a.getJsonObject(i);
        assertThat(hit.getString("sourceId")).isEqualTo(new UUID(0, expected.get(i)).toString());
        assertThat(hit.getDouble("similarity")).isCloseTo(cosine(vectors.get(expected.get(i)), query), within(1e-5));
      }
    }
  }

  private static void assertSameAnswers(JsonArray a, JsonArray b) {
    assertThat(a).isNotEmpty();
    assertThat(b.size()).isEqualTo(a.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.getJsonObject(i).getString("sourceId")).as("rank " + i)
          .isEqualTo(a.getJsonObject(i).getString("sourceId"));
      assertThat(b.getJsonObject(i).getDouble("similarity")).as("score at rank " + i)
          .isCloseTo(a.getJsonObject(i).getDouble("similarity"), within(1e-5));
      if (i > 0) {
        assertThat(a.getJsonObject(i).getDouble("similarity"))
            .isLessThanOrEqualTo(a.getJsonObject(i - 1).getDouble("similarity"));
      }
    }
  }

  private static JsonArray search(AiHarness h, JsonObject body) {
    TestClient.Response r = h.http.post("/api/v1/ai/embeddings/search", body, token(h));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonArray("items");
  }

  private static String token(AiHarness h) {
    return h.tokens.tokenFor(CALLER.id());
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
