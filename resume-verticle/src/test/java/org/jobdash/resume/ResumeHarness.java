package org.jobdash.resume;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.jobdash.common.auth.NativeCrypto;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Pools;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;
import org.jobdash.common.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real résumé service (two instances), deployed on a free port against a fresh migrated database with its
 * data in a temporary directory; access tokens from {@link TestTokens}; the {@code ai.resume.analyze} messages it
 * sends are captured; a pool for checking database state.
 */
final class ResumeHarness implements AutoCloseable {

  /** The upload limit of the test configuration. */
  static final int MAX_FILE = 256 * 1024;

  final Vertx vertx;
  final TestClient http;
  final DatabaseUrl database;
  final Pool db;
  final TestTokens tokens;
  final Path dataDir;
  /** What the deployed instances share: their workers and their bounds. */
  ResumeDeployment deployment;
  final LinkedBlockingQueue<JsonObject> analyzeRequests = new LinkedBlockingQueue<>();

  private ResumeHarness(Vertx vertx, TestClient http, DatabaseUrl database, Pool db, TestTokens tokens, Path dataDir) {
    this.vertx = vertx;
    this.http = http;
    this.database = database;
    this.db = db;
    this.tokens = tokens;
    this.dataDir = dataDir;
  }

  static ResumeHarness start() {
    return start(new JsonObject());
  }

  /** @param overrides merged over the test configuration, which is the module's defaults with its own settings */
  static ResumeHarness start(JsonObject overrides) {
    try {
      DatabaseUrl url = PostgresFixture.migratedDatabase("resume");
      Path dataDir = Files.createTempDirectory("jobdash-resume-test");
      int port = TestClient.freePort();
      // the launcher installs it for the whole JVM; a deployment of one service alone is served the same way
      NativeCrypto.install();
      Vertx vertx = Vertx.vertx();
      TestTokens tokens = new TestTokens(vertx);
      JsonObject config = ResumeConfig.SETTINGS.defaults();
      ConfigLoader.deepMerge(config, new JsonObject()
          .put("http", new JsonObject().put("host", "127.0.0.1").put("port", port))
          .put("database", new JsonObject().put("url", url.toUrl()).put("poolSize", 16))
          .put("jwt", tokens.jwtConfig())
          .put("dataDir", dataDir.toString())
          .put("storage", new JsonObject().put("maxFileSizeBytes", MAX_FILE))
          .put("files", new JsonObject().put("workerThreads", 2)));
      ConfigLoader.deepMerge(config, overrides);
      ResumeHarness h = new ResumeHarness(vertx, new TestClient(vertx, port), url,
          Pools.pool(vertx, "resume-test-" + port, DatabaseConfig.from("test", new JsonObject().put("url", url.toUrl()))),
          tokens, dataDir);
      MessageConsumer<JsonObject> analyze = vertx.eventBus().consumer(Addresses.AI_RESUME_ANALYZE,
          m -> h.analyzeRequests.add(m.body()));
      analyze.completion().await();
      h.deployment = ResumeDeployment.of(vertx, config);
      vertx.deployVerticle(h.deployment, new DeploymentOptions().setInstances(2)).await();
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A user of this test: an id and an access token for it. */
  record Caller(UUID id, String token) {}

  Caller newUser() {
    UUID id = UUID.randomUUID();
    return new Caller(id, tokens.tokenFor(id));
  }

  /** A multipart upload as a browser sends it: a {@code file} part and, when given, a {@code title}. */
  TestClient.Response upload(Caller caller, String fileName, byte[] bytes, String mediaType, String title) {
    MultipartForm form = MultipartForm.create();
    if (title != null) {
      form.attribute("title", title);
    }
    form.binaryFileUpload("file", fileName, Buffer.buffer(bytes), mediaType);
    HttpResponse<Buffer> response = http.webClient().post("/api/v1/resumes").bearerTokenAuthentication(caller.token())
        .sendMultipartForm(form).await();
    return new TestClient.Response(response.statusCode(), response.headers(), response.body());
  }

  TestClient.Response upload(Caller caller, String fileName, byte[] bytes, String mediaType) {
    return upload(caller, fileName, bytes, mediaType, null);
  }

  /** Creates a text résumé and returns its JSON. */
  JsonObject createText(Caller caller, String title, String content) {
    TestClient.Response r = http.post("/api/v1/resumes", new JsonObject().put("title", title).put("content", content),
        caller.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  RowSet<Row> sql(String sql, Object... params) {
    return Waits.sql(db, sql, params);
  }

  long count(String sql, Object... params) {
    return Waits.count(db, sql, params);
  }

  /** The files stored on disk for {@code userId} by the local provider. */
  List<Path> storedFiles(UUID userId) {
    return filesUnder(dataDir.resolve("files").resolve("users").resolve(userId.toString()));
  }

  /** Upload parts the body handler has left behind. */
  List<Path> leftoverUploads() {
    return filesUnder(dataDir.resolve("uploads"));
  }

  static List<Path> filesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next captured {@code ai.resume.analyze} about {@code resumeId}; others are kept for later. */
  JsonObject nextAnalyzeRequest(String resumeId) {
    return Waits.take(analyzeRequests, m -> resumeId.equals(m.getString("resumeId")),
        "ai.resume.analyze for résumé " + resumeId);
  }

  /** Waits (at most 10 s) until {@code condition} holds: for effects that follow a response asynchronously. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      pause(Duration.ofMillis(50));
    }
  }

  static void pause(Duration d) {
    Waits.pause(d);
  }

  @Override
  public void close() {
    db.close().await();
    vertx.close().await();
  }
}
