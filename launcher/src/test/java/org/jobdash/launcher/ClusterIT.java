package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.ResumeContent;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * User, résumé, AI and gateway in four JVMs started from the runnable jar, joined by Hazelcast on loopback,
 * each with its own database, their event bus sealed with mutual TLS (certificates from
 * {@code tools/cluster/certificates.sh}): the journey through the gateway; processes that join Hazelcast without
 * the cluster's certificate can neither ask nor listen on the bus; then the AI process stopped and started again
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
  static JsonObject clusterSettings;
  static Path certificates;
  static Path foreignCertificates;

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
    certificates = work.resolve("tls");
    foreignCertificates = work.resolve("foreign-tls");
    certificates(certificates, "user", "resume", "ai", "gateway", "probe");
    certificates(foreignCertificates, "intruder");
    common.put("EVENT_BUS_TLS_CA", certificates.resolve("ca.pem").toString());
    clusterSettings = Configuration.defaults().getJsonObject("cluster").copy().put("name", "jobdash-it-" + base)
        .put("port", base).put("members", new JsonArray(members));
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
      env.put("EVENT_BUS_TLS_CERT", certificates.resolve(service + ".pem").toString());
      env.put("EVENT_BUS_TLS_KEY", certificates.resolve(service + ".key").toString());
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
  void aProcessWithoutTheClustersCertificateCanNeitherAskNorListenOnTheBus() throws Exception {
    JsonObject query = ResumeContent.request(journey.resumeId, journey.userId);
    DeliveryOptions soon = new DeliveryOptions().setSendTimeout(5_000);
    // the control: a member with a certificate from the cluster's CA is answered
    Vertx member = join(certificates, "probe");
    try {
      JsonObject content = (JsonObject) member.eventBus().request(Addresses.RESUME_CONTENT_GET, query, soon)
          .await().body();
      assertThat(content.encode()).contains("nurse");
    } finally {
      member.close().await();
    }
    Vertx plaintext = join(null, null);
    Vertx foreign = join(foreignCertificates, "intruder");
    try {
      AtomicInteger overheard = new AtomicInteger();
      List<MessageConsumer<Object>> listeners = new ArrayList<>();
      for (Vertx intruder : List.of(plaintext, foreign)) {
        assertThatThrownBy(() -> intruder.eventBus().request(Addresses.RESUME_CONTENT_GET, query, soon).await())
            .as("a résumé's text asked for by a process outside the cluster's CA").isNotNull();
        MessageConsumer<Object> listener = intruder.eventBus().consumer(Addresses.USER_EMAIL_SEND,
            m -> overheard.incrementAndGet());
        listener.completion().await();
        listeners.add(listener);
      }
      // mails with reset links go out while both listen (three: the address's hourly limit): neither hears one
      for (int i = 0; i < 3; i++) {
        assertThat(journey.http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", journey.email),
            null).status()).isEqualTo(202);
      }
      Thread.sleep(3_000);
      assertThat(overheard).hasValue(0);
      for (MessageConsumer<Object> listener : listeners) {
        listener.unregister().await();
      }
    } finally {
      foreign.close().await();
      plaintext.close().await();
    }
  }

  /** A process of this JVM joining the cluster's Hazelcast, with {@code name}'s certificate from {@code dir}. */
  static Vertx join(Path dir, String name) {
    JsonObject cluster = clusterSettings.copy();
    EventBusTls.Member tls = null;
    if (dir == null) {
      cluster.getJsonObject("tls").put("required", false);
    } else {
      tls = new EventBusTls.Member(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), dir.resolve("ca.pem"));
    }
    return Clustering.clustered(Vertx.builder(), new VertxOptions(), cluster, tls).buildClustered().await();
  }

  /** A CA and a certificate for each member, made by the script the README gives. */
  static void certificates(Path dir, String... members) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "tools", "cluster", "certificates.sh")
        .toString(), dir.toString()));
    command.addAll(List.of(members));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
  }

  @Test
  @Order(3)
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
  @Order(4)
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
