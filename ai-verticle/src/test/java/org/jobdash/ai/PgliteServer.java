package org.jobdash.ai;

import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Migrations;
import org.jobdash.common.testing.TestClient;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server with pgvector for the tests where no Docker engine answers: PGlite with its pgvector
 * extension served over the wire protocol ({@code tools/pglite}). Every connection shares one session and one
 * database, so a server serves one test class; pools must stay within {@code -m}, prepared statements must not be
 * cached, JDBC must not switch to server-side prepares, and Flyway must not take its transactional lock.
 */
final class PgliteServer implements AutoCloseable {

  static final int MAX_CONNECTIONS = 8;
  private static final Path TOOL = Path.of("..", "tools", "pglite");

  private final Process process;
  private final DatabaseUrl url;

  private PgliteServer(Process process, DatabaseUrl url) {
    this.process = process;
    this.url = url;
  }

  /** Starts a server on a free port, waits until it accepts connections and migrates it with the AI migrations. */
  static PgliteServer startMigrated() throws IOException, InterruptedException {
    installIfMissing();
    int port = TestClient.freePort();
    Path log = Files.createTempFile("pglite-", ".log");
    Process process = new ProcessBuilder(TOOL.resolve("node_modules/.bin/pglite-server").toString(), "-p",
        Integer.toString(port), "-e", "@electric-sql/pglite-pgvector:vector", "-m", Integer.toString(MAX_CONNECTIONS))
        .directory(new File("."))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    DatabaseUrl url = new DatabaseUrl("127.0.0.1", port, "postgres", "postgres", "postgres",
        Map.of("prepareThreshold", "0"));
    PgliteServer server = new PgliteServer(process, url);
    try {
      server.awaitReady(Duration.ofSeconds(90), log);
      new Migrations("ai", url, false).migrate();
      return server;
    } catch (RuntimeException | IOException e) {
      server.close();
      throw e;
    }
  }

  /** The URL for the Vert.x client and JDBC (its query parameters reach only JDBC). */
  DatabaseUrl url() {
    return url;
  }

  private static void installIfMissing() throws IOException, InterruptedException {
    if (Files.isExecutable(TOOL.resolve("node_modules/.bin/pglite-server"))) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--prefix", TOOL.toString(), "--no-audit", "--no-fund")
        .inheritIO().start();
    if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci --prefix " + TOOL + " failed");
    }
  }

  private void awaitReady(Duration limit, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("pglite-server exited: " + Files.readString(log));
      }
      try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
        c.createStatement().execute("SELECT 1");
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("pglite-server did not accept connections in " + limit + ": " + last
        + "\n" + Files.readString(log));
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
