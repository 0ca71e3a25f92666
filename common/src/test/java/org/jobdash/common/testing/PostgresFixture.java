package org.jobdash.common.testing;

import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.EmbeddedDatabase;
import org.jobdash.common.db.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of a test run (started once per JVM): {@code TEST_DATABASE_URL} if set (a URL of a
 * database whose user may create databases), else a Testcontainers {@code pgvector/pgvector} container where a
 * Docker engine answers, else an embedded PostgreSQL 17. Each test class takes a fresh, migrated database.
 */
public final class PostgresFixture {

  private static final Logger log = LoggerFactory.getLogger(PostgresFixture.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static DatabaseUrl admin;
  private static String kind;

  private PostgresFixture() {}

  /** The administrative URL of the shared server (its {@code postgres} database). */
  public static synchronized DatabaseUrl server() {
    if (admin == null) {
      admin = start();
    }
    return admin;
  }

  /** How the server was provided: {@code external}, {@code testcontainers} or {@code embedded}. */
  public static synchronized String kind() {
    server();
    return kind;
  }

  /** A new empty database on the shared server. */
  public static DatabaseUrl emptyDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_"
        + UUID.randomUUID().toString().substring(0, 8);
    DatabaseUrl server = server();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return server.withDatabase(name);
  }

  /** A new database migrated with {@code service}'s files ({@code user}, {@code resume} or {@code ai}). */
  public static DatabaseUrl migratedDatabase(String service) {
    DatabaseUrl url = emptyDatabase(service);
    new Migrations(service, url).migrate();
    return url;
  }

  private static DatabaseUrl start() {
    String external = System.getenv("TEST_DATABASE_URL");
    if (external != null && !external.isBlank()) {
      kind = "external";
      return DatabaseUrl.parse("TEST_DATABASE_URL", external);
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer(
          DockerImageName.parse("pgvector/pgvector:pg17").asCompatibleSubstituteFor("postgres"))
          .withCommand("postgres", "-c", "max_connections=400", "-c", "fsync=off");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
      kind = "testcontainers";
      return new DatabaseUrl(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
          container.getUsername(), container.getPassword(), Map.of());
    }
    try {
      Path dir = Files.createTempDirectory("jobdash-test-pg");
      EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0,
          Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_connections", "400"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          db.close();
        } catch (Exception e) {
          log.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
      }));
      kind = "embedded";
      return db.database("postgres");
    } catch (Exception e) {
      throw new IllegalStateException("cannot start an embedded PostgreSQL for the tests", e);
    }
  }

  private static boolean dockerAvailable() {
    if ("false".equalsIgnoreCase(System.getenv("TEST_USE_DOCKER"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable t) {
      return false;
    }
  }
}
