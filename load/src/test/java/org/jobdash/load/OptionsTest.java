package org.jobdash.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

  @Test
  void defaultsRunEveryScenarioAgainstTheLauncherJarIntoTheLoadTargetFolder() {
    Options o = Options.parse(new String[0]);

    assertThat(o.baseUrl()).isNull();
    assertThat(o.scenarios()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(o.out()).isEqualTo(Path.of("load/target/load-results.json"));
    assertThat(o.launcherJar()).isEqualTo(Path.of("launcher/target/jobdash.jar"));
    assertThat(o.wideConnections()).isEqualTo(2000);
    assertThat(o.attackers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(o.smoke()).isFalse();
    assertThat(o.jfr()).isFalse();
  }

  @Test
  void aDatabaseServerWithoutDatabaseGetsOneThatTheServicesReplace() {
    Options o = Options.parse(new String[] {"--base-url", "http://127.0.0.1:8080", "--db-url",
        "postgresql://postgres:secret@127.0.0.1:5433", "--scenarios", "2,7", "--smoke", "--jfr", "--attackers", "3"});

    assertThat(o.dbServer().port()).isEqualTo(5433);
    assertThat(o.dbServer().password()).isEqualTo("secret");
    assertThat(o.dbServer().database()).isEqualTo("postgres");
    assertThat(o.scenarios()).isEqualTo(List.of(2, 7));
    assertThat(o.attackers()).isEqualTo(3);
    assertThat(o.smoke()).isTrue();
    assertThat(o.jfr()).isTrue();
  }

  @Test
  void onlyTheLocalMachineIsLoaded() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--base-url", "http://example.com:8080", "--db-url",
        "postgresql://postgres@127.0.0.1:5432"})).hasMessageContaining("127.0.0.1");
    assertThatThrownBy(() -> Options.parse(new String[] {"--base-url", "http://127.0.0.1:8080", "--db-url",
        "postgresql://postgres@10.0.0.5:5432"})).hasMessageContaining("127.0.0.1");
  }

  @Test
  void aBaseUrlNeedsTheDatabaseForTheFloors() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--base-url", "http://127.0.0.1:8080"}))
        .hasMessageContaining("--db-url");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--scenarios", "8"})).hasMessageContaining("1 to 7");
    assertThatThrownBy(() -> Options.parse(new String[] {"--attackers", "0"})).hasMessageContaining("--attackers");
    assertThatThrownBy(() -> Options.parse(new String[] {"--connections", "0"})).hasMessageContaining("--connections");
    assertThatThrownBy(() -> Options.parse(new String[] {"--fast"})).hasMessageContaining("--fast");
    assertThatThrownBy(() -> Options.parse(new String[] {"--out"})).hasMessageContaining("needs a value");
  }
}
