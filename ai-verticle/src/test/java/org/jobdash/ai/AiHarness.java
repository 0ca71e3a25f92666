package org.jobdash.ai;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.jobdash.common.auth.NativeCrypto;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Pools;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;
import org.jobdash.common.testing.TestTokens;
import org.jobdash.common.work.BoundedWorker;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real AI service, deployed on a free port against a migrated database (a fresh one of the shared test
 * server unless given), with access tokens the service trusts and a pool for checking database state. The
 * embedding model is the real one, loaded once per test JVM by the service itself.
 */
final class AiHarness implements AutoCloseable {

  final Vertx vertx;
  final TestClient http;
  final TestTokens tokens;
  final DatabaseUrl database;
  final Pool db;
  /** What the deployed instances share: their workers and their bounds. */
  final AiDeployment deployment;

  private AiHarness(Vertx vertx, TestClient http, TestTokens tokens, DatabaseUrl database, Pool db,
                    AiDeployment deployment) {
    this.deployment = deployment;
    this.vertx = vertx;
    this.http = http;
    this.tokens = tokens;
    this.database = database;
    this.db = db;
  }

  static AiHarness start() {
    return start(new JsonObject());
  }

  static AiHarness start(JsonObject overrides) {
    return start(PostgresFixture.migratedDatabase("ai"), overrides, 2);
  }

  /**
   * Deploys {@code instances} verticles on {@code url}, configured with the module's defaults ({@link
   * AiConfig#SETTINGS}), the harness's own settings, then {@code overrides}.
   */
  static AiHarness start(DatabaseUrl url, JsonObject overrides, int instances) {
    int port = TestClient.freePort();
    // the launcher installs it for the whole JVM; a deployment of one service alone is served the same way
    NativeCrypto.install();
    Vertx vertx = Vertx.vertx();
    TestTokens tokens = new TestTokens(vertx);
    JsonObject config = AiConfig.SETTINGS.defaults();
    ConfigLoader.deepMerge(config, new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", port))
        .put("database", new JsonObject().put("url", url.toUrl()).put("poolSize", 8))
        .put("jwt", tokens.jwtConfig())
        .put("inference", new JsonObject().put("threads", 2))
        .put("userPreferences", new JsonObject().put("timeoutMs", 300)));
    ConfigLoader.deepMerge(config, overrides);
    if (!url.params().isEmpty()) {
      config.getJsonObject("database").put("url", url.toUrl() + "?" + String.join("&", url.params().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    JsonObject dbSection = config.getJsonObject("database");
    Pool db = Pools.pool(vertx, "ai-test-" + port, DatabaseConfig.from("test", new JsonObject()
        .put("url", dbSection.getString("url")).put("poolSize", 2)
        .put("cachePreparedStatements", dbSection.getBoolean("cachePreparedStatements", true))));
    AiDeployment deployment = AiDeployment.of(vertx, config);
    vertx.deployVerticle(deployment, new DeploymentOptions().setInstances(instances)).await();
    return new AiHarness(vertx, new TestClient(vertx, port), tokens, url, db, deployment);
  }

  /** A new user's access token (and id). */
  record Caller(UUID id, String token) {}

  Caller caller() {
    UUID id = UUID.randomUUID();
    return new Caller(id, tokens.tokenFor(id));
  }

  /** The inference worker of this deployment. */
  BoundedWorker inference() {
    return deployment.inference();
  }

  /** A task holding one inference thread until {@link #release}. */
  record Held(CountDownLatch latch, Future<Boolean> task) {
    /** Lets the held thread go; true when it was held until now rather than timing out. */
    boolean release() {
      latch.countDown();
      return task.await();
    }
  }

  /** Holds an inference thread (a deployment with one holds them all), so that what is submitted next waits. */
  Held holdInferenceThread() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    Future<Boolean> task = inference().submit(() -> {
      busy.countDown();
      return release.await(30, TimeUnit.SECONDS);
    });
    if (!busy.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the inference thread was not free");
    }
    return new Held(release, task);
  }

  RowSet<Row> sql(String sql, Object... params) {
    return Waits.sql(db, sql, params);
  }

  long count(String sql, Object... params) {
    return Waits.count(db, sql, params);
  }

  @Override
  public void close() {
    db.close().await();
    vertx.close().await();
  }
}
