package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Migrations;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(BlockedThreadGuard.class)
class LauncherTest {

  @TempDir
  Path dataDir;

  private Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("JOBDASH_DATA_DIR", dataDir.toString());
    for (String s : new String[] {"USER", "RESUME", "AI"}) {
      env.put(s + "_SERVICE_PORT", Integer.toString(TestClient.freePort()));
    }
    env.put("JOBDASH__user__instances", "1");
    env.put("JOBDASH__resume__instances", "1");
    env.put("JOBDASH__ai__instances", "1");
    return env;
  }

  private static JsonObject configuration(Map<String, String> env, String... args) {
    return Configuration.load(CommandLine.parse(args), env);
  }

  @Test
  void startsEveryServiceOnTheEmbeddedDefaultAndASecondStartReusesTheData() throws Exception {
    Map<String, String> env = env(Map.of());
    JsonObject config = configuration(env);
    JsonObject account = new JsonObject().put("email", "persist@example.com").put("username", "persisted")
        .put("password", "a perfectly long passphrase");

    try (Launcher.Running running = Launcher.start(config, Launcher.all(), Launcher.vertxBuilder())) {
      Vertx client = Vertx.vertx();
      try {
        for (String service : new String[] {"user", "resume", "ai"}) {
          TestClient.Response ready = new TestClient(client, running.port(service)).get("/health/ready", null);
          assertThat(ready.status()).as(service).isEqualTo(200);
          assertThat(ready.json().getString("service")).isEqualTo(service);
        }
        assertThat(new TestClient(client, running.port("user")).post("/api/v1/auth/register", account, null).status())
            .isEqualTo(201);
      } finally {
        client.close().await();
      }
    }
    assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
    assertThat(Files.exists(dataDir.resolve("jwt/es256-private.pem"))).isTrue();

    try (Launcher.Running again = Launcher.start(config, Launcher.all(), Launcher.vertxBuilder())) {
      Vertx client = Vertx.vertx();
      try {
        TestClient.Response login = new TestClient(client, again.port("user")).post("/api/v1/auth/login",
            new JsonObject().put("login", "persisted").put("password", "a perfectly long passphrase"), null);
        assertThat(login.status()).isEqualTo(200);
      } finally {
        client.close().await();
      }
    }
  }

  @Test
  void servicesListenOnLoopbackOnlyWhenTheGatewayInTheSameProcessIsTheWayIn() {
    JsonObject oneProcess = configuration(env(Map.of()));
    for (String service : new String[] {"user", "resume", "ai"}) {
      assertThat(oneProcess.getJsonObject(service).getJsonObject("http").getString("host")).as(service)
          .isEqualTo("127.0.0.1");
    }
    assertThat(oneProcess.getJsonObject("gateway").getJsonObject("http").getString("host")).isEqualTo("0.0.0.0");
    assertThat(configuration(env(Map.of()), "--service", "user,gateway").getJsonObject("user").getJsonObject("http")
        .getString("host")).isEqualTo("127.0.0.1");
    for (String[] args : new String[][] {{"--service", "user", "--cluster"}, {"--service", "user"},
        {"--cluster"}}) {
      assertThat(configuration(env(Map.of()), args).getJsonObject("user").getJsonObject("http").getString("host"))
          .as(String.join(" ", args)).isEqualTo("0.0.0.0");
    }
    assertThat(configuration(env(Map.of("JOBDASH__user__http__host", "0.0.0.0"))).getJsonObject("user")
        .getJsonObject("http").getString("host")).as("as configured").isEqualTo("0.0.0.0");
  }

  @Test
  void aClusterWithoutTheBusCertificatesDoesNotStartAndNothingIsCreated() throws Exception {
    JsonObject none = configuration(env(Map.of()), "--service", "user", "--cluster");
    assertThatThrownBy(() -> Launcher.start(none, CommandLine.parse(new String[] {"--service", "user"}).services(),
        false, true, Launcher.vertxBuilder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EVENT_BUS_TLS_CERT").hasMessageContaining("JOBDASH__cluster__tls__required=false")
        .hasMessageNotContaining("\n");
    Path pem = Files.writeString(dataDir.resolve("user.pem"), "not read before the start");
    JsonObject half = configuration(env(Map.of("EVENT_BUS_TLS_CERT", pem.toString())), "--service", "user",
        "--cluster");
    assertThatThrownBy(() -> Launcher.start(half, CommandLine.parse(new String[] {"--service", "user"}).services(),
        false, true, Launcher.vertxBuilder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing: EVENT_BUS_TLS_KEY").hasMessageContaining("EVENT_BUS_TLS_CA");
    JsonObject absent = configuration(env(Map.of("EVENT_BUS_TLS_CERT", pem.toString(), "EVENT_BUS_TLS_KEY",
        pem.toString(), "EVENT_BUS_TLS_CA", dataDir.resolve("ca.pem").toString())), "--service", "user", "--cluster");
    assertThatThrownBy(() -> Launcher.start(absent, CommandLine.parse(new String[] {"--service", "user"}).services(),
        false, true, Launcher.vertxBuilder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca.pem is not a readable file");
    assertThat(Files.exists(dataDir.resolve("postgres"))).as("no database was started").isFalse();
  }

  @Test
  void aMalformedDatabaseUrlIsAOneLineErrorNamingTheVariable() {
    Map<String, String> env = env(Map.of("RESUME_SERVICE_DATABASE_URL", "mysql://db.example.com/resumes"));
    JsonObject config = configuration(env);
    assertThatThrownBy(() -> Launcher.start(config, Launcher.all(), Launcher.vertxBuilder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RESUME_SERVICE_DATABASE_URL")
        .hasMessageNotContaining("\n");
    assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    assertThatThrownBy(() -> configuration(Map.of("DATABASE_URL", "postgresql://localhost/x")))
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void aFailingMigrationStopsTheStartNamingTheFileAndNothingListens() throws Exception {
    DatabaseUrl broken = PostgresFixture.emptyDatabase("broken_user");
    try (var c = DriverManager.getConnection(broken.jdbcUrl(), broken.user(), broken.password())) {
      c.createStatement().execute("CREATE TABLE users (id integer PRIMARY KEY)");
    }
    Map<String, String> env = env(Map.of("USER_SERVICE_DATABASE_URL", broken.toUrl()));
    JsonObject config = configuration(env, "--service", "user");
    int port = config.getJsonObject("user").getJsonObject("http").getInteger("port");

    assertThatThrownBy(() -> Launcher.start(config, CommandLine.parse(new String[] {"--service", "user"}).services(),
        Launcher.vertxBuilder()))
        .isInstanceOf(Migrations.MigrationFailed.class)
        .hasMessageContaining("001_initial_schema.sql")
        .hasMessageContaining("line")
        .hasMessageContaining("statement: COMMENT ON COLUMN users.password_hash");
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void migrateAndRollbackCommandsWorkOnAConfiguredDatabase() throws Exception {
    DatabaseUrl db = PostgresFixture.emptyDatabase("cli_user");
    Map<String, String> env = env(Map.of("DATABASE_URL", db.toUrl()));

    Main.run(new String[] {"migrate", "--service", "user"}, env);
    assertThat(new Migrations("user", db).appliedVersions()).containsExactly(1, 2, 3, 4, 5, 6);
    Main.run(new String[] {"rollback", "--service", "user", "--to", "1"}, env);
    assertThat(new Migrations("user", db).appliedVersions()).containsExactly(1);
    Main.run(new String[] {"migrate", "--service", "user"}, env);
    assertThat(new Migrations("user", db).appliedVersions()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"rollback", "--service", "user"}))
        .hasMessageContaining("--to");
  }
}
