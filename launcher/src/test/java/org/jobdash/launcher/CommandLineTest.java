package org.jobdash.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

  @Test
  void noArgumentsRunEveryServiceAndTheGatewayInThisProcess() {
    assertThat(CommandLine.parse()).isEqualTo(new Command(Command.Verb.RUN, EnumSet.allOf(Service.class), true, false,
        null, null));
    assertThat(CommandLine.parse("run")).isEqualTo(CommandLine.parse());
  }

  @Test
  void serviceListsChooseTheServicesAndWhetherTheGatewayRuns() {
    Command user = CommandLine.parse("--service", "user");
    assertThat(user.services()).containsExactly(Service.USER);
    assertThat(user.gateway()).isFalse();

    Command withGateway = CommandLine.parse("--service", " User , gateway");
    assertThat(withGateway.services()).containsExactly(Service.USER);
    assertThat(withGateway.gateway()).isTrue();

    Command gatewayAlone = CommandLine.parse("--service", "gateway", "--cluster");
    assertThat(gatewayAlone.services()).isEmpty();
    assertThat(gatewayAlone.gateway()).isTrue();
    assertThat(gatewayAlone.cluster()).isTrue();

    Command all = CommandLine.parse("--service", "ALL");
    assertThat(all.services()).containsExactlyInAnyOrder(Service.values());
    assertThat(all.gateway()).isTrue();
  }

  @Test
  void migrateAndRollbackTakeTheirServiceTheFileAndTheVersion() {
    assertThat(CommandLine.parse("migrate", "--service", "resume", "--config", "conf/jobdash.json"))
        .isEqualTo(new Command(Command.Verb.MIGRATE, EnumSet.of(Service.RESUME), false, false,
            Path.of("conf/jobdash.json"), null));
    assertThat(CommandLine.parse("rollback", "--to", "2", "--service", "ai"))
        .isEqualTo(new Command(Command.Verb.ROLLBACK, EnumSet.of(Service.AI), false, false, null, 2));
  }

  @Test
  void helpIsACommandAndAFlag() {
    assertThat(CommandLine.parse("help").verb()).isEqualTo(Command.Verb.HELP);
    assertThat(CommandLine.parse("--service", "user", "-h").verb()).isEqualTo(Command.Verb.HELP);
    assertThat(CommandLine.parse("--help").verb()).isEqualTo(Command.Verb.HELP);
  }

  @Test
  void aMistakeIsAUsageErrorSayingWhatIsWrong() {
    assertUsage("rollback needs one --service and --to VERSION", "rollback", "--service", "user");
    assertUsage("rollback needs one --service and --to VERSION", "rollback", "--service", "user,ai", "--to", "1");
    assertUsage("rollback needs one --service and --to VERSION", "rollback", "--to", "1");
    assertUsage("--to needs a version number, e.g. --to 2", "rollback", "--service", "user", "--to", "two");
    assertUsage("--config needs a value", "--config");
    assertUsage("--service needs a value", "migrate", "--service");
    assertUsage("unknown argument --port", "--port", "9000");
    assertUsage("unknown command start", "start");
    assertUsage("unknown service 'billing' (user, resume, ai, gateway)", "--service", "user,billing");
  }

  @Test
  void theUsageNamesEveryCommandAndTheDatabaseVariables() {
    assertThat(CommandLine.USAGE).contains("migrate", "rollback", "--service", "--cluster", "--config", "--to",
        "DATABASE_URL", "USER_SERVICE_DATABASE_URL", "JOBDASH__section__key");
  }

  private static void assertUsage(String message, String... args) {
    assertThatThrownBy(() -> CommandLine.parse(args)).isInstanceOf(CommandLine.UsageException.class)
        .hasMessage(message);
  }
}
