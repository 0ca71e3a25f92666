package org.jobdash.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 server (zonky binaries) whose data persists in a directory, so that a second start
 * reuses what the first one stored. Used by the launcher when no database URL is configured, and by tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts the server on {@code port} (0 picks a free one) with its data in {@code dataDirectory}; an existing
   * data directory is reused, not wiped.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> serverConfig)
      throws IOException {
    Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "300")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("listen_addresses", "127.0.0.1");
    serverConfig.forEach(builder::setServerConfig);
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", postgres.getPort(),
        dataDirectory.toAbsolutePath());
    return new EmbeddedDatabase(postgres, dataDirectory);
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The URL of database {@code name}, created first if it does not exist. */
  public DatabaseUrl database(String name) throws SQLException {
    createIfMissing(name);
    return new DatabaseUrl("127.0.0.1", postgres.getPort(), name, "postgres", "", Map.of());
  }

  private void createIfMissing(String name) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        log.info("created database {}", name);
      }
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
