package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.EmbeddedDatabase;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database restarts under the running services: requests during the outage get 503 problems, the services
 * recover by themselves, and nothing acknowledged before the outage is lost.
 */
@ExtendWith(BlockedThreadGuard.class)
class DatabaseRestartTest {

  @TempDir
  Path dir;

  @Test
  void servicesAnswer503DuringADatabaseOutageAndRecoverWithoutRestart() throws Exception {
    int pgPort = TestClient.freePort();
    Path pgData = dir.resolve("pg");
    EmbeddedDatabase db = EmbeddedDatabase.start(pgData, pgPort, Map.of());
    Map<String, String> env = new HashMap<>();
    env.put("JOBDASH_DATA_DIR", dir.resolve("data").toString());
    env.put("USER_SERVICE_DATABASE_URL", db.database("user_service_db").toUrl());
    env.put("RESUME_SERVICE_DATABASE_URL", db.database("resume_service_db").toUrl());
    env.put("AI_SERVICE_DATABASE_URL", db.database("ai_service_db").toUrl());
    env.put("USER_SERVICE_PORT", Integer.toString(TestClient.freePort()));
    env.put("RESUME_SERVICE_PORT", Integer.toString(TestClient.freePort()));
    env.put("AI_SERVICE_PORT", Integer.toString(TestClient.freePort()));
    env.put("JOBDASH__user__instances", "1");
    JsonObject config = Configuration.load(CommandLine.parse(new String[] {"--service", "user"}), env);
    Vertx vertx = Vertx.vertx();
    try (Launcher.Running running = Launcher.start(config, CommandLine.parse(new String[] {"--service", "user"}).services(),
        Launcher.vertxBuilder())) {
      TestClient http = new TestClient(vertx, running.port("user"));
      JsonObject before = new JsonObject().put("email", "before@example.com").put("username", "before_outage")
          .put("password", "a perfectly long passphrase");
      assertThat(http.post("/api/v1/auth/register", before, null).status()).isEqualTo(201);
      String token = http.post("/api/v1/auth/login", new JsonObject().put("login", "before_outage")
          .put("password", "a perfectly long passphrase"), null).json().getString("accessToken");

      db.close();

      TestClient.Response me = http.get("/api/v1/users/me", token);
      assertThat(me.status()).as(me.toString()).isEqualTo(503);
      assertThat(me.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(me.header("Retry-After")).isNotNull();
      TestClient.Response register = http.post("/api/v1/auth/register", new JsonObject()
          .put("email", "during@example.com").put("username", "during_outage")
          .put("password", "a perfectly long passphrase"), null);
      assertThat(register.status()).as(register.toString()).isEqualTo(503);
      assertThat(http.get("/health/ready", null).status()).isEqualTo(503);
      assertThat(http.get("/health/live", null).status()).isEqualTo(200);

      db = EmbeddedDatabase.start(pgData, pgPort, Map.of());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (http.get("/health/ready", null).status() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(http.get("/health/ready", null).status()).isEqualTo(200);
      assertThat(http.get("/api/v1/users/me", token).status()).isEqualTo(200);
      assertThat(http.post("/api/v1/auth/login", new JsonObject().put("login", "before_outage")
          .put("password", "a perfectly long passphrase"), null).status()).isEqualTo(200);
      assertThat(http.post("/api/v1/auth/register", new JsonObject().put("email", "after@example.com")
          .put("username", "after_outage").put("password", "a perfectly long passphrase"), null).status())
          .isEqualTo(201);
    } finally {
      vertx.close().await();
      db.close();
    }
  }
}
