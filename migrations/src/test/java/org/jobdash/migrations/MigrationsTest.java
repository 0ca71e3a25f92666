package org.jobdash.migrations;

import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Migrations;
import org.jobdash.common.testing.PostgresFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's SQL files: applied to an empty database they create everything the seed and SCHEMA_NAMES.md
 * name, at least the seed's figures; every function runs on an empty and on a populated database; a second
 * run changes nothing; the down files return the database to empty and the ups apply again to the same
 * catalog; plain psql applies the same files to the same catalog.
 */
class MigrationsTest {

  @ParameterizedTest
  @EnumSource(ServiceSchema.class)
  void filesCreateTheSeedsSchemaIdempotentlyAndRollBackCleanly(ServiceSchema service) throws Exception {
    DatabaseUrl url = PostgresFixture.emptyDatabase(service.key);
    Migrations migrations = new Migrations(service.key, url);

    assertThat(migrations.migrate()).isGreaterThanOrEqualTo(3);
    Catalog first = Catalog.read(url);
    assertThat(first.tables()).containsAll(service.tables).hasSizeGreaterThanOrEqualTo(service.minTables);
    assertThat(first.views()).containsAll(service.views).hasSizeGreaterThanOrEqualTo(service.minViews);
    assertThat(first.functions()).containsAll(service.functions).hasSizeGreaterThanOrEqualTo(service.minFunctions);
    assertThat(first.indexes()).hasSizeGreaterThanOrEqualTo(service.minIndexes);

    UUID id = UUID.randomUUID();
    callEverything(service, url, id);
    for (String row : service.rows) {
      Catalog.execute(url, String.format(row, id, id.toString().substring(0, 8)));
    }
    callEverything(service, url, id);

    assertThat(migrations.migrate()).isZero();
    assertThat(Catalog.read(url)).isEqualTo(first);

    List<Integer> applied = new ArrayList<>(migrations.appliedVersions());
    java.util.Collections.reverse(applied);
    assertThat(migrations.rollbackTo(0)).containsExactlyElementsOf(applied);
    assertThat(migrations.appliedVersions()).isEmpty();
    assertThat(Catalog.read(url).isEmpty()).as("left behind: %s", Catalog.read(url)).isTrue();
    assertThat(migrations.migrate()).isGreaterThanOrEqualTo(3);
    assertThat(Catalog.read(url)).isEqualTo(first);
    callEverything(service, url, id);
  }

  @ParameterizedTest
  @EnumSource(ServiceSchema.class)
  void rollingBackOneVersionUndoesOnlyThatStep(ServiceSchema service) throws Exception {
    DatabaseUrl url = PostgresFixture.emptyDatabase(service.key);
    Migrations migrations = new Migrations(service.key, url);
    migrations.migrate();
    Catalog full = Catalog.read(url);
    List<Integer> applied = migrations.appliedVersions();
    int last = applied.get(applied.size() - 1);

    assertThat(migrations.rollbackTo(last - 1)).containsExactly(last);
    assertThat(migrations.appliedVersions()).doesNotContain(last);
    assertThat(Catalog.read(url).tables().size()).isLessThanOrEqualTo(full.tables().size());
    assertThat(Catalog.read(url)).isNotEqualTo(full);
    migrations.migrate();
    assertThat(Catalog.read(url)).isEqualTo(full);
  }

  @ParameterizedTest
  @EnumSource(ServiceSchema.class)
  void plainPsqlAppliesTheSameFilesTwiceToTheSameCatalog(ServiceSchema service) throws Exception {
    DatabaseUrl flywayDb = PostgresFixture.emptyDatabase(service.key);
    new Migrations(service.key, flywayDb).migrate();
    DatabaseUrl psqlDb = PostgresFixture.emptyDatabase(service.key);
    List<Path> files = upFiles(service);

    for (int pass = 0; pass < 2; pass++) {
      for (Path file : files) {
        psql(psqlDb, file);
      }
    }
    assertThat(Catalog.read(psqlDb)).isEqualTo(Catalog.read(flywayDb));
    if (service == ServiceSchema.AI || service == ServiceSchema.RESUME) {
      assertThat(Catalog.query(psqlDb, service == ServiceSchema.AI
          ? "SELECT count(*) - count(DISTINCT model_name) FROM ai_models"
          : "SELECT count(*) - count(DISTINCT provider_name) FROM storage_configs")).containsExactly("0");
    }

    assertThat(new Migrations(service.key, psqlDb).migrate())
        .as("Flyway on top of a database set up by hand").isEqualTo(files.size());
    assertThat(Catalog.read(psqlDb)).isEqualTo(Catalog.read(flywayDb));
  }

  private static void callEverything(ServiceSchema service, DatabaseUrl url, UUID id) throws Exception {
    for (String call : service.calls) {
      Catalog.query(url, String.format(call, id));
    }
  }

  static List<Path> upFiles(ServiceSchema service) throws Exception {
    Path dir = Path.of(service.key + "-service");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.sql")).sorted().toList();
    }
  }

  static void psql(DatabaseUrl url, Path file) throws Exception {
    List<String> command = new ArrayList<>(List.of("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1",
        "-h", url.host(), "-p", Integer.toString(url.port()), "-U", url.user(), "-d", url.database(),
        "-f", file.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", url.password());
    Process process;
    try {
      process = builder.start();
    } catch (java.io.IOException e) {
      throw new AssertionError("psql is needed for this test (Debian: apt-get install postgresql-client)", e);
    }
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("psql -f %s%s%s", file, File.separator, output).isZero();
  }
}
