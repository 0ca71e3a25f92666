package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User, résumé, AI and gateway in four JVMs started from the runnable jar, joined by Hazelcast on loopback,
 * each with its own database: the journey through the gateway, then the AI process stopped and started again
 * (nothing lost, nothing done twice, deletions caught up).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final Path JAR = Path.of("target", "jobdash.jar");
  static final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  static final Map<String, DatabaseUrl> databases = new HashMap<>();
  static final Map<String, Path> dataDirs = new HashMap<>();
  static Map<String, String> common;
  static Vertx vertx;
  static Journey journey;

  @BeforeAll
  static void startCluster() throws Exception {
    assertThat(JAR).as("the runnable jar (mvn package)").exists();
    Path work = Files.createTempDirectory("jobdash-cluster");
    int base = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      members.add("127.0.0.1:" + (base + i));
    }
    common = new HashMap<>();
    common.put("CLUSTER_PORT", Integer.toString(base));
    common.put("CLUSTER_MEMBERS", String.join(",", members));
    common.put("JOBDASH__cluster__name", "jobdash-it-" + base);
    for (String s : new String[] {"USER", "RESUME", "AI"}) {
      common.put(s + "_SERVICE_PORT", Integer.toString(TestClient.freePort()));
      common.put("JOBDASH__" + s.toLowerCase() + "__instances", "1");
    }
    common.put("GATEWAY_PORT", Integer.toString(TestClient.freePort()));
    common.put("MAIL_MODE", "log");
    common.put("JOBDASH__resume__analysis__resendAfterSeconds", "3");
    common.put("JOBDASH__resume__analysis__sweepIntervalMs", "1000");
    common.put("JOBDASH__user__deletion__republishSeconds", "2");
    for (String service : new String[] {"user", "resume", "ai", "gateway"}) {
      Map<String, String> env = new HashMap<>(common);
      Path data = work.resolve(service);
      dataDirs.put(service, data);
      env.put("JOBDASH_DATA_DIR", data.toString());
      if (!service.equals("gateway")) {
        DatabaseUrl db = PostgresFixture.emptyDatabase(service + "_cluster");
        databases.put(service, db);
        env.put("DATABASE_URL", db.toUrl());
      }
      // one at a time: four JVMs starting at once on two cores starve each other's event loops
      processes.put(service, new ServiceProcess(service, JAR, work.resolve(service + ".log"), env).start()
          .awaitUp(Duration.ofSeconds(120)));
    }
    vertx = Vertx.vertx();
    journey = new Journey(vertx, Integer.parseInt(common.get("GATEWAY_PORT")));
    Journey.await(() -> journey.http.get("/health/ready", null).status(), s -> s == 200,
        Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ServiceProcess p : processes.values()) {
      p.stop();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  @Order(1)
  void theJourneyWorksAcrossFourProcesses() throws Exception {
    journey.register();
    journey.verify(mailedToken(journey.email));
    journey.login();
    journey.resumeId = journey.uploadPdf();
    journey.awaitAnalysis(journey.resumeId, Duration.ofSeconds(90));
    journey.analysedAndMatched();
    journey.optimisedComparedAndRated(Duration.ofSeconds(60));
    assertThat(count("ai", "SELECT count(*) FROM embeddings WHERE user_id = ?", journey.userId)).isPositive();
  }

  @Test
  @Order(2)
  void withTheAiProcessDownUploadsWaitAndNothingIsLostOrDoneTwice() throws Exception {
    UUID firstUser = journey.userId;
    String firstToken = journey.accessToken;
    processes.get("ai").stop();

    Journey second = new Journey(vertx, journey.port);
    second.register();
    second.verify(mailedToken(second.email));
    second.login();
    List<UUID> pending = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestClient.Response created = second.http.post("/api/v1/resumes", new JsonObject().put("title", "CV " + i)
          .put("content", Journey.RESUME_TEXT + "\nVersion " + i), second.accessToken);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      pending.add(UUID.fromString(created.json().getString("id")));
    }
    // the first user leaves while the AI service is down: its purge must catch up later
    assertThat(journey.deleteAccount(firstToken).status()).isEqualTo(204);
    // refused at once by the résumé process; the AI process, down meanwhile, learns of it when it starts
    journey.assertResumeRefuses(firstToken);
    Thread.sleep(4_000);
    for (UUID id : pending) {
      assertThat(second.http.get("/api/v1/resumes/" + id + "/status", second.accessToken).json()
          .getString("processingStatus")).isEqualTo("pending");
    }

    processes.get("ai").start().awaitUp(Duration.ofSeconds(120));
    journey.assertAiRefusesOnceReachable(firstToken, Duration.ofSeconds(30));

    for (UUID id : pending) {
      second.awaitAnalysis(id, Duration.ofSeconds(90));
      assertThat(count("resume", "SELECT count(*) FROM resume_analyses WHERE resume_id = ?", id)).isEqualTo(1);
      assertThat(count("ai", "SELECT count(*) FROM ai_processing_sessions WHERE operation = 'resume_analysis' "
          + "AND resume_id = ?", id)).isEqualTo(1);
    }
    Journey.await(() -> count("ai", "SELECT count(*) FROM ai_processing_sessions WHERE user_id = ?",
        firstUser) + count("resume", "SELECT count(*) FROM resumes WHERE user_id = ?", firstUser)
        + count("user", "SELECT count(*) FROM user_deletions WHERE user_id = ? AND completed_at IS NULL", firstUser),
        n -> n == 0, Duration.ofSeconds(60));
    assertThat(count("ai", "SELECT count(*) FROM embeddings WHERE user_id = ?", firstUser)).isZero();
    Path files = dataDirs.get("resume").resolve("files/users/" + firstUser);
    assertThat(Files.exists(files) && Files.list(files).findAny().isPresent()).isFalse();
  }

  @Test
  @Order(3)
  void noProcessLoggedABlockedThreadOrAnUnexpectedFailure() throws Exception {
    for (var entry : processes.entrySet()) {
      String log = entry.getValue().output();
      assertThat(log).as(entry.getKey()).doesNotContain("has been blocked for").doesNotContain("unexpected failure");
    }
  }

  static String mailedToken(String email) throws Exception {
    Pattern line = Pattern.compile("dev mail \\(email-verification\\) to " + Pattern.quote(email) + ":.*token=([A-Za-z0-9_-]{43})");
    return Journey.await(() -> {
      try {
        Matcher m = line.matcher(processes.get("user").output());
        String token = null;
        while (m.find()) {
          token = m.group(1);
        }
        return token;
      } catch (Exception e) {
        return null;
      }
    }, t -> t != null, Duration.ofSeconds(10));
  }

  static long count(String service, String sql, UUID id) {
    return OneJvmJourneyTest.count(databases.get(service), sql, id);
  }
}
