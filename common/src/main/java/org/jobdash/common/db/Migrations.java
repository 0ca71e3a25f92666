package org.jobdash.common.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a service's SQL files (packaged by the {@code migrations} module under {@code db/<service>-service/})
 * with Flyway, and rolls them back with the files under {@code db/<service>-service-down/}. JDBC is used only
 * here, at start or from the command line, never on an event loop.
 */
public final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** Raised when a file fails: names the file and the failing statement. */
  public static final class MigrationFailed extends RuntimeException {
    public MigrationFailed(String message, Throwable cause) { super(message, cause); }
  }

  private final String service;
  private final DatabaseUrl url;
  private final boolean transactionalLock;

  /** @param service {@code user}, {@code resume} or {@code ai} */
  public Migrations(String service, DatabaseUrl url) {
    this(service, url, true);
  }

  /** {@code transactionalLock=false} is for servers (like PGlite) that cannot hold Flyway's advisory lock. */
  public Migrations(String service, DatabaseUrl url, boolean transactionalLock) {
    this.service = service;
    this.url = url;
    this.transactionalLock = transactionalLock;
  }

  public static String location(String service) {
    return "db/" + service + "-service";
  }

  private Flyway flyway() {
    var configuration = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:" + location(service))
        .sqlMigrationPrefix("")
        .sqlMigrationSeparator("_")
        .sqlMigrationSuffixes(".sql")
        .placeholderReplacement(false)
        // a database set up by hand with the seed's psql commands has our tables but no history: the files are
        // idempotent, so Flyway may apply them all on top
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateMigrationNaming(true)
        .connectRetries(10)
        .connectRetriesInterval(1);
    configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class)
        .setTransactionalLock(transactionalLock);
    return configuration.load();
  }

  /** Brings the database to the newest version; returns how many files were applied. */
  public int migrate() {
    try {
      MigrateResult result = flyway().migrate();
      log.info("{} database {}: {} migration(s) applied, now at version {}", service, url.redacted(),
          result.migrationsExecuted, result.targetSchemaVersion != null ? result.targetSchemaVersion : "current");
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new MigrationFailed("migration of the " + service + " database (" + url.redacted() + ") failed: "
          + describe(e), e);
    }
  }

  /** The versions recorded as applied, oldest first. */
  public List<Integer> appliedVersions() {
    try (Connection c = connect()) {
      return appliedVersions(c);
    } catch (SQLException e) {
      throw new MigrationFailed("cannot read the migration history of " + url.redacted() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rolls the database back to {@code targetVersion} (0 = empty) by running the down file of every applied
   * version above it, newest first, each in its own transaction together with the removal of its history row.
   */
  public List<Integer> rollbackTo(int targetVersion) {
    List<Integer> undone = new ArrayList<>();
    try (Connection c = connect()) {
      List<Integer> applied = appliedVersions(c);
      for (int i = applied.size() - 1; i >= 0; i--) {
        int version = applied.get(i);
        if (version <= targetVersion) {
          break;
        }
        String script = downScript(c, version);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          st.execute(script);
          try (PreparedStatement del = c.prepareStatement(
              "DELETE FROM flyway_schema_history WHERE type = 'SQL' AND version::int = ?")) {
            del.setInt(1, version);
            del.executeUpdate();
          }
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw new MigrationFailed("rollback of " + service + " version " + version + " failed: " + e.getMessage(), e);
        } finally {
          c.setAutoCommit(true);
        }
        undone.add(version);
        log.info("{} database {}: rolled back version {}", service, url.redacted(), version);
      }
      return undone;
    } catch (SQLException e) {
      throw new MigrationFailed("rollback of " + url.redacted() + " failed: " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }

  private static List<Integer> appliedVersions(Connection c) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      ResultSet exists = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL");
      exists.next();
      if (!exists.getBoolean(1)) {
        return versions;
      }
      ResultSet rs = st.executeQuery("SELECT DISTINCT version::int AS v FROM flyway_schema_history "
          + "WHERE success AND version IS NOT NULL AND type = 'SQL' ORDER BY v");
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  /** The down file beside an up file: {@code 002_auth_tables.sql} is undone by {@code 002_auth_tables.down.sql}. */
  private String downScript(Connection c, int version) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT script FROM flyway_schema_history "
        + "WHERE success AND type = 'SQL' AND version::int = ? ORDER BY installed_rank DESC LIMIT 1")) {
      st.setInt(1, version);
      ResultSet rs = st.executeQuery();
      if (!rs.next()) {
        throw new MigrationFailed("no applied migration " + version + " for " + service, null);
      }
      String script = rs.getString(1);
      return read(location(service) + "-down/" + script.replaceFirst("\\.sql$", ".down.sql"));
    }
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new MigrationFailed("missing resource " + resource, null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFailed("cannot read " + resource, e);
    }
  }

  /** The failing file, line, database message and statement, on one line. */
  private static String describe(FlywayException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FlywaySqlScriptException script) {
        String statement = script.getStatement() == null ? "" : script.getStatement().replaceAll("\\s+", " ").strip();
        if (statement.length() > 300) {
          statement = statement.substring(0, 300) + "…";
        }
        String file = script.getResource() == null ? "?" : script.getResource().getFilename();
        String cause = script.getCause() == null ? script.getMessage() : script.getCause().getMessage();
        return file + " line " + script.getLineNumber() + ": " + firstLines(cause) + " — statement: " + statement;
      }
    }
    return firstLines(e.getMessage());
  }

  private static String firstLines(String message) {
    if (message == null) {
      return "unknown error";
    }
    String[] lines = message.strip().split("\\R");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length && i < 12; i++) {
      if (!lines[i].isBlank() && !lines[i].startsWith("---")) {
        b.append(b.length() == 0 ? "" : " | ").append(lines[i].strip());
      }
    }
    return b.toString();
  }
}
