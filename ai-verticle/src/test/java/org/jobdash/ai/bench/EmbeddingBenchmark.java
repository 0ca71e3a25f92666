package org.jobdash.ai.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.jobdash.ai.AiDeployment;
import org.jobdash.ai.embedding.EmbeddingRepository;
import org.jobdash.ai.embedding.NewEmbedding;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Pools;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: prints, in one run on this machine, texts embedded per second through {@code POST /embeddings}
 * beside the bare model (same JVM, same texts per call), the same with the batcher switched off, and vectors
 * stored per second through {@code POST /embeddings/batch} beside a plain multi-row INSERT of the same rows.
 * Run: {@code mvn -o -q test-compile -pl ai-verticle} then
 * {@code java -cp ai-verticle/target/test-classes:ai-verticle/target/classes:<test classpath> org.jobdash.ai.bench.EmbeddingBenchmark}.
 */
public final class EmbeddingBenchmark {

  static final int CORES = Runtime.getRuntime().availableProcessors();
  static final int TEXTS_PER_CALL = 8;
  static final int CALLS = 150;
  static final int SINGLE_TEXT_CALLS = 600;
  static final int IN_FLIGHT = 16;
  static final int VECTORS_PER_BATCH = 1000;
  static final int BATCHES = 8;

  private EmbeddingBenchmark() {}

  public static void main(String[] args) throws Exception {
    DatabaseUrl url = PostgresFixture.migratedDatabase("ai");
    System.out.printf("machine: %d cores, JDK %s, database: %s (%s)%n", CORES, Runtime.version(), PostgresFixture.kind(),
        url.redacted());
    Vertx batched = Vertx.vertx();
    Vertx unbatched = Vertx.vertx();
    TestTokens tokens = new TestTokens(batched);
    int batchedPort = deploy(batched, url, tokens, 32, 3);
    int unbatchedPort = deploy(unbatched, url, tokens, 1, 0);
    String token = tokens.tokenFor(UUID.randomUUID());
    WebClient client = WebClient.create(batched, new WebClientOptions().setDefaultHost("127.0.0.1").setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
    List<String> texts = texts(CALLS * TEXTS_PER_CALL);

    // warm-up: JIT and ONNX sessions on both paths
    bareModel(texts.subList(0, 200), TEXTS_PER_CALL);
    http(client, batchedPort, token, texts.subList(0, 200), TEXTS_PER_CALL);

    double bare = bareModel(texts, TEXTS_PER_CALL);
    double viaHttp = http(client, batchedPort, token, texts, TEXTS_PER_CALL);
    System.out.printf("embeddings, %d texts per call, %d calls, %d in flight:%n", TEXTS_PER_CALL, CALLS, IN_FLIGHT);
    System.out.printf("  bare model on %d threads      %8.1f texts/s%n", CORES, bare);
    System.out.printf("  POST /api/v1/ai/embeddings    %8.1f texts/s   ratio HTTP/bare = %.2f%n", viaHttp,
        viaHttp / bare);

    // the machine is shared: on and off alternate, three rounds each, and the median ratio is the figure
    List<String> singles = texts.subList(0, SINGLE_TEXT_CALLS);
    double bareSingles = bareModel(singles, 1);
    System.out.printf("embeddings, 1 text per call, %d calls, %d in flight:%n", SINGLE_TEXT_CALLS, IN_FLIGHT);
    System.out.printf("  bare model on %d threads      %8.1f texts/s%n", CORES, bareSingles);
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      double on = http(client, batchedPort, token, singles, 1);
      double off = http(client, unbatchedPort, token, singles, 1);
      ratios.add(on / off);
      System.out.printf("  round %d: batcher on (32, 3 ms) %6.1f texts/s (HTTP/bare = %.2f), off %6.1f texts/s,"
          + " on/off = %.2f%n", round, on, on / bareSingles, off, on / off);
    }
    ratios.sort(Double::compare);
    System.out.printf("  median ratio batcher on/off = %.2f%n", ratios.get(1));

    Pool pool = Pools.pool(batched, "bench", DatabaseConfig.from("bench", new JsonObject().put("url", url.toUrl())));
    Random random = new Random(1);
    List<JsonArray> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES + 1; b++) {
      batches.add(vectorItems(random));
    }
    storeViaEndpoint(client, batchedPort, token, batches.subList(0, 1));
    plainInsert(pool, batches.subList(0, 1));
    EmbeddingRepository repository = new EmbeddingRepository(pool, EmbeddingRepository.vectorMode(pool).await());
    unnestInsert(repository, pool, batches.subList(0, 1));
    double endpoint = storeViaEndpoint(client, batchedPort, token, batches.subList(1, batches.size()));
    double plain = plainInsert(pool, batches.subList(1, batches.size()));
    double unnest = unnestInsert(repository, pool, batches.subList(1, batches.size()));
    System.out.printf("storing %d batches of %d vectors:%n", BATCHES, VECTORS_PER_BATCH);
    System.out.printf("  POST /api/v1/ai/embeddings/batch  %9.0f vectors/s%n", endpoint);
    System.out.printf("  plain multi-row INSERT (pool)     %9.0f vectors/s   ratio endpoint/INSERT = %.2f%n", plain,
        endpoint / plain);
    System.out.printf("  its unnest statement alone (pool) %9.0f vectors/s   ratio unnest/INSERT = %.2f%n", unnest,
        unnest / plain);

    pool.close().await();
    batched.close().await();
    unbatched.close().await();
    System.exit(0);
  }

  private static int deploy(Vertx vertx, DatabaseUrl url, TestTokens tokens, int maxBatch, long delayMs) {
    int port = TestClient.freePort();
    JsonObject config = new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", port).put("bodyLimitBytes", 1_048_576))
        .put("database", new JsonObject().put("url", url.toUrl()).put("poolSize", 8))
        .put("jwt", tokens.jwtConfig())
        .put("inference", new JsonObject().put("maxBatch", maxBatch).put("batchDelayMs", delayMs).put("queueSize", 256));
    vertx.deployVerticle(AiDeployment.of(vertx, config), new DeploymentOptions().setInstances(CORES)).await();
    return port;
  }

  /** The model called directly on {@code CORES} threads, {@code perCall} texts per call. */
  private static double bareModel(List<String> texts, int perCall) throws Exception {
    MiniLm model = MiniLm.loaded();
    ExecutorService threads = Executors.newFixedThreadPool(CORES);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int t = 0; t < CORES; t++) {
      running.add(threads.submit(() -> {
        for (int i = next.getAndAdd(perCall); i < texts.size(); i = next.getAndAdd(perCall)) {
          model.embedAll(texts.subList(i, Math.min(texts.size(), i + perCall)));
        }
      }));
    }
    for (var f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    return texts.size() / seconds;
  }

  /** {@code IN_FLIGHT} concurrent callers posting {@code perCall} texts each until all texts are embedded. */
  private static double http(WebClient client, int port, String token, List<String> texts, int perCall) {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<Void>> callers = new ArrayList<>();
    for (int c = 0; c < IN_FLIGHT; c++) {
      callers.add(embedLoop(client, port, token, texts, perCall, next));
    }
    Future.all(callers).await();
    return texts.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static Future<Void> embedLoop(WebClient client, int port, String token, List<String> texts, int perCall,
                                        AtomicInteger next) {
    int i = next.getAndAdd(perCall);
    if (i >= texts.size()) {
      return Future.succeededFuture();
    }
    JsonObject body = new JsonObject().put("texts", new JsonArray(new ArrayList<Object>(
        texts.subList(i, Math.min(texts.size(), i + perCall)))));
    return client.post(port, "127.0.0.1", "/api/v1/ai/embeddings").bearerTokenAuthentication(token)
        .sendJsonObject(body).compose(r -> expect(r, 201))
        .compose(v -> embedLoop(client, port, token, texts, perCall, next));
  }

  /** The bodies are encoded before the clock starts: only the service's work is timed. */
  private static double storeViaEndpoint(WebClient client, int port, String token, List<JsonArray> batches) {
    List<Buffer> bodies = batches.stream().map(items -> new JsonObject().put("items", items).toBuffer()).toList();
    long start = System.nanoTime();
    for (Buffer body : bodies) {
      HttpResponse<Buffer> r = client.post(port, "127.0.0.1", "/api/v1/ai/embeddings/batch")
          .bearerTokenAuthentication(token).putHeader("Content-Type", "application/json").sendBuffer(body).await();
      expect(r, 201).await();
    }
    return batches.size() * (double) VECTORS_PER_BATCH / ((System.nanoTime() - start) / 1e9);
  }

  /** The same rows as one {@code INSERT … VALUES (…), (…), …} per batch, vectors bound as {@code real[]}. */
  private static double plainInsert(Pool pool, List<JsonArray> batches) {
    UUID user = UUID.randomUUID();
    StringBuilder sql = new StringBuilder("INSERT INTO embeddings (user_id, source_type, source_id, embedding, metadata) "
        + "VALUES ");
    String cast = pool.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
        + "'embeddings'::regclass AND attname = 'embedding'").execute().await().iterator().next().getString(0)
        .contains("vector") ? "::real[]::vector" : "::real[]";
    for (int r = 0; r < VECTORS_PER_BATCH; r++) {
      int p = r * 5;
      sql.append(r == 0 ? "" : ", ").append("($").append(p + 1).append(", $").append(p + 2).append(", $").append(p + 3)
          .append(", $").append(p + 4).append(cast).append(", $").append(p + 5).append("::jsonb)");
    }
    String insert = sql.toString();
    List<Tuple> tuples = new ArrayList<>();
    for (JsonArray items : batches) {
      List<Object> params = new ArrayList<>(VECTORS_PER_BATCH * 5);
      for (Object o : items) {
        JsonObject item = (JsonObject) o;
        params.add(user);
        params.add(item.getString("sourceType"));
        params.add(UUID.fromString(item.getString("sourceId")));
        params.add(boxed(item.getJsonArray("vector")));
        params.add(item.getJsonObject("metadata").encode());
      }
      tuples.add(Tuple.from(params));
    }
    long start = System.nanoTime();
    for (Tuple tuple : tuples) {
      pool.preparedQuery(insert).execute(tuple).await();
    }
    return batches.size() * (double) VECTORS_PER_BATCH / ((System.nanoTime() - start) / 1e9);
  }

  private static Float[] boxed(JsonArray v) {
    Float[] vector = new Float[v.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = v.getNumber(i).floatValue();
    }
    return vector;
  }

  /** The endpoint's own one-statement {@code unnest} insert, without HTTP, JSON or the session row. */
  private static double unnestInsert(EmbeddingRepository repository, Pool pool, List<JsonArray> batches) {
    UUID user = UUID.randomUUID();
    List<List<NewEmbedding>> prepared = new ArrayList<>();
    for (JsonArray items : batches) {
      List<NewEmbedding> rows = new ArrayList<>(items.size());
      for (Object o : items) {
        JsonObject item = (JsonObject) o;
        JsonArray v = item.getJsonArray("vector");
        float[] vector = new float[v.size()];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = v.getNumber(i).floatValue();
        }
        rows.add(new NewEmbedding(item.getString("sourceType"), UUID.fromString(item.getString("sourceId")), 0, null,
            null, vector, item.getJsonObject("metadata")));
      }
      prepared.add(rows);
    }
    long start = System.nanoTime();
    for (List<NewEmbedding> rows : prepared) {
      repository.insert(pool, user, null, MiniLm.MODEL_NAME, rows).await();
    }
    return batches.size() * (double) VECTORS_PER_BATCH / ((System.nanoTime() - start) / 1e9);
  }

  private static Future<Void> expect(HttpResponse<Buffer> r, int status) {
    return r.statusCode() == status ? Future.succeededFuture()
        : Future.failedFuture("status " + r.statusCode() + ": " + r.bodyAsString());
  }

  private static JsonArray vectorItems(Random random) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < VECTORS_PER_BATCH; i++) {
      JsonArray v = new JsonArray();
      for (int d = 0; d < MiniLm.DIMENSIONS; d++) {
        v.add((float) random.nextGaussian());
      }
      items.add(new JsonObject().put("sourceType", "custom").put("sourceId", UUID.randomUUID().toString())
          .put("vector", v).put("metadata", new JsonObject().put("i", i)));
    }
    return items;
  }

  private static List<String> texts(int n) {
    String[] roles = {"registered nurse", "line cook", "staff accountant", "journeyman electrician", "teacher",
        "account executive", "warehouse associate", "backend engineer", "HVAC technician", "pastry chef"};
    String[] verbs = {"managed", "installed", "prepared", "reconciled", "taught", "closed", "built", "triaged"};
    String[] objects = {"a team of twelve", "commercial panels", "banquets for 300 guests", "month-end accounts",
        "reading groups", "enterprise deals", "cycle counts", "payment microservices", "patients on telemetry"};
    Random random = new Random(3);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add("Experienced " + roles[random.nextInt(roles.length)] + " who " + verbs[random.nextInt(verbs.length)] + " "
          + objects[random.nextInt(objects.length)] + ", improving results by " + (5 + random.nextInt(40))
          + "% over " + (1 + random.nextInt(9)) + " years at site " + i + ".");
    }
    return out;
  }
}
