package org.jobdash.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole harness once in smoke mode against the embedded default started from the launcher jar (the
 * reactor packages it before this module): every scenario must give a row with a ratio, and the JSON file must be
 * written. No timing is asserted.
 */
@ExtendWith(BlockedThreadGuard.class)
class LoadSmokeIT {

  @Test
  void smokeRunGivesEveryScenarioARowWithARatioAndWritesTheJsonFile() throws Exception {
    Path out = Path.of(System.getProperty("jobdash.load.out", "target/load-smoke-results.json"));
    Path launcher = Path.of(System.getProperty("jobdash.launcher.jar", "../launcher/target/jobdash.jar"));
    Files.deleteIfExists(out);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    LoadTest.run(Options.parse(new String[] {"--smoke", "--launcher", launcher.toString(), "--out", out.toString()}),
        new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

    assertThat(out).isRegularFile();
    JsonArray scenarios = new JsonObject(Files.readString(out)).getJsonArray("scenarios");
    assertThat(scenarios.stream().map(s -> ((JsonObject) s).getInteger("number")))
        .containsExactly(1, 2, 3, 4, 5, 6, 7);
    for (Object item : scenarios) {
      JsonObject scenario = (JsonObject) item;
      assertThat(scenario.getValue("ratio")).as("ratio of scenario %s", scenario.getInteger("number"))
          .isInstanceOf(Number.class);
      for (String side : List.of("service", "floor")) {
        assertThat(scenario.getJsonObject(side).getJsonArray("steps")).as("%s steps of scenario %s", side,
            scenario.getInteger("number")).isNotEmpty();
      }
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    for (String title : List.of("refresh rotation", "authenticated read", "login", "embedding batch ingest",
        "text embedding", "2,000 connections", "canary under attack")) {
      assertThat(table).contains(title);
    }
    assertThat(table).contains("ratio").contains("results: " + out.toAbsolutePath());
    assertThat(scenarios.getJsonObject(6).getJsonObject("service").getString("description"))
        .contains("attacker(s) sent").contains("hostile requests");
  }
}
