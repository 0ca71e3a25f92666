package org.jobdash.load;

import io.vertx.core.json.JsonObject;
import org.jobdash.load.floor.BareReadServer;
import org.jobdash.load.gen.CpuMeter;
import org.jobdash.load.gen.Generator;
import org.jobdash.load.gen.RateSearch;
import org.jobdash.load.gen.Timing;
import org.jobdash.load.http.Target;
import org.jobdash.load.report.Report;
import org.jobdash.load.scenario.AuthenticatedRead;
import org.jobdash.load.scenario.BatchIngest;
import org.jobdash.load.scenario.Login;
import org.jobdash.load.scenario.RefreshRotation;
import org.jobdash.load.scenario.Rig;
import org.jobdash.load.scenario.Scenario;
import org.jobdash.load.scenario.ScenarioResult;
import org.jobdash.load.scenario.ScenarioRunner;
import org.jobdash.load.scenario.TextEmbedding;
import org.jobdash.load.scenario.UnderAttack;
import org.jobdash.load.scenario.WideConnections;
import org.jobdash.load.system.ChildJvm;
import org.jobdash.load.system.Jfr;
import org.jobdash.load.system.LoadUsers;
import org.jobdash.load.system.TargetSystem;
import org.jobdash.user.UserConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The load-test harness: starts the system (or uses a running one), runs each scenario against its floor in the
 * same run on the same database, prints the table and writes the JSON file, and stops what it started. The whole
 * run stays under ten minutes; every phase under thirty seconds.
 */
public final class LoadTest {

  private static final Duration RUN_LIMIT = Duration.ofMinutes(10);
  /** Kept back from the run's limit for stopping the services and writing the results. */
  private static final Duration RESERVE = Duration.ofSeconds(45);
  private static final int LOAD_ACCOUNTS = 16;
  /** The user service's pool size (the launcher's default), given to the bare read server too. */
  private static final int READ_POOL = 16;

  private static final Map<Integer, Supplier<Scenario>> SCENARIOS = Map.of(
      1, RefreshRotation::new,
      2, AuthenticatedRead::new,
      3, Login::new,
      4, BatchIngest::new,
      5, TextEmbedding::new,
      6, WideConnections::new,
      7, UnderAttack::new);

  private LoadTest() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    try {
      run(options, System.out, System.err);
    } catch (Exception e) {
      System.err.println("error: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /** Runs the scenarios; prints the table on {@code out} and progress on {@code progress}; writes the JSON file. */
  public static void run(Options options, PrintStream out, PrintStream progress) throws Exception {
    Instant started = Instant.now();
    Instant deadline = started.plus(RUN_LIMIT).minus(RESERVE);
    List<String> notes = new ArrayList<>();
    notes.add(String.format("machine load average before the run: %.2f (other processes compete for the cores)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    Jfr jfr = options.jfr() ? Jfr.into(options.out().toAbsolutePath().getParent()
        .resolve("jfr-" + started.truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-'))) : Jfr.off();
    UserConfig defaults = serviceDefaults();
    Path work = Files.createTempDirectory("jobdash-load-");
    List<ScenarioResult> results = new ArrayList<>();
    String target;
    try (Generator generator = new Generator(CpuMeter.cores())) {
      progress.println(options.baseUrl() == null ? "starting the services from " + options.launcherJar() + " …"
          : "using the services at " + options.baseUrl());
      try (TargetSystem system = options.baseUrl() == null
          ? TargetSystem.start(generator.vertx(), options.launcherJar(), work, jfr.childOptions("services"),
              defaults.passwords())
          : TargetSystem.external(options.baseUrl(), options.dbServer())) {
        target = system.owned() ? "services started here (user " + system.user() + ", ai " + system.ai()
            + ", embedded PostgreSQL " + system.userDb().host() + ":" + system.userDb().port() + ")"
            : "services at " + options.baseUrl() + ", PostgreSQL at " + system.userDb().redacted();
        generator.databaseCpu(system.databaseCpu());
        int readPort = TargetSystem.freePort();
        try (ChildJvm readServer = ChildJvm.start("bare read server", jfr.childOptions("read-server"),
            List.of("-cp", System.getProperty("java.class.path"), BareReadServer.class.getName(),
                String.valueOf(readPort), system.userDb().toUrl(), String.valueOf(READ_POOL)),
            Map.of(), work.resolve("read-server.log"))) {
          ChildJvm.awaitReady(generator.vertx(), readServer, List.of(readPort), "/ready", Duration.ofMinutes(1));
          LoadUsers users = LoadUsers.register(generator.vertx(), system.user(), LOAD_ACCOUNTS);
          Rig rig = new Rig(generator, system, users, readServer, Target.local(readPort), defaults, CpuMeter.cores(),
              options.wideConnections(), options.attackers());
          ScenarioRunner runner = new ScenarioRunner(rig, new RateSearch(options.smoke() ? Timing.smoke()
              : Timing.full()), jfr, deadline, progress);
          List<Scenario> chosen = options.scenarios().stream().map(n -> SCENARIOS.get(n).get()).toList();
          progress.println("warming up the in-process floors …");
          for (Scenario scenario : chosen) {
            scenario.warmUp(rig);
          }
          for (int i = 0; i < chosen.size(); i++) {
            results.add(runner.run(chosen.get(i), chosen.size() - i));
          }
        }
      }
    } finally {
      delete(work);
    }
    if (jfr.enabled()) {
      notes.add("whole-run recordings of the child JVMs: " + jfr.directory().resolve("services-run.jfr") + ", "
          + jfr.directory().resolve("read-server-run.jfr"));
    }
    if (options.baseUrl() != null) {
      notes.add("password and token parameters assumed to be the user service's defaults; the bare read server uses a"
          + " pool of " + READ_POOL);
    }
    Report.Run run = new Report.Run(started, Duration.between(started, Instant.now()), machine(), CpuMeter.cores(),
        System.getProperty("java.version"), options.smoke() ? "smoke" : "full", target, notes);
    out.print(Report.table(run, results));
    Report.write(options.out(), run, results);
    out.println("results: " + options.out().toAbsolutePath());
  }

  /**
   * The user service's settings when none are given: the password parameters passed to the services this harness
   * starts and used by the login floor, the refresh-token lifetime of the rotation floor (the URL is only there
   * because the record requires one).
   */
  private static UserConfig serviceDefaults() {
    return UserConfig.from(UserConfig.SETTINGS.withDefaults(new JsonObject().put("database",
        new JsonObject().put("url", "postgresql://postgres@127.0.0.1:5432/user_service_db"))));
  }

  private static String machine() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
