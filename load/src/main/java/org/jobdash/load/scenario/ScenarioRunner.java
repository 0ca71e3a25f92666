package org.jobdash.load.scenario;

import jdk.jfr.Recording;
import org.jobdash.load.gen.Generator;
import org.jobdash.load.gen.RateSearch;
import org.jobdash.load.gen.SideResult;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.system.ChildJvm;
import org.jobdash.load.system.Jfr;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios one after the other: the service side's rate search, then the floor's, each within its share of
 * the time left; then the blocked-thread warnings of the meantime and, with {@code --jfr}, the recordings.
 */
public final class ScenarioRunner {

  private static final int TOP = 6;
  /** The longest wait, after a background load, for the services to go idle. */
  private static final Duration AFTER_BACKGROUND = Duration.ofSeconds(30);

  private final Rig rig;
  private final RateSearch search;
  private final Jfr jfr;
  private final Instant deadline;
  private final PrintStream progress;

  public ScenarioRunner(Rig rig, RateSearch search, Jfr jfr, Instant deadline, PrintStream progress) {
    this.rig = rig;
    this.search = search;
    this.jfr = jfr;
    this.deadline = deadline;
    this.progress = progress;
  }

  /** @param scenariosLeft this one included: the time left is shared between their sides */
  public ScenarioResult run(Scenario scenario, int scenariosLeft) throws Exception {
    ChildJvm services = rig.system().child();
    int blockedBefore = services == null ? 0 : services.blockedWarnings();
    Recording here = jfr.enabled() ? jfr.startHere() : null;
    Measured service;
    Measured floor;
    try {
      if (scenario.fixedRate() > 0) {
        // the quiet floor first: what the background load leaves behind must not weigh on it
        floor = side(scenario, "floor", scenario.floor(rig), Background.NONE, 2 * scenariosLeft);
        Workload attacked = scenario.service(rig);
        service = side(scenario, "service", attacked, scenario.background(rig), 2 * scenariosLeft - 1);
      } else {
        service = side(scenario, "service", scenario.service(rig), Background.NONE, 2 * scenariosLeft);
        floor = side(scenario, "floor", scenario.floor(rig), Background.NONE, 2 * scenariosLeft - 1);
      }
    } finally {
      scenario.close();
    }
    List<String> blocked = services == null ? null : services.blockedWarningsAfter(blockedBefore);
    List<String> recordings = new ArrayList<>();
    Map<String, Jfr.Profile> profiles = new LinkedHashMap<>();
    if (here != null) {
      String name = "scenario-" + scenario.number();
      Path harness = jfr.stopHere(here, name + "-harness");
      recordings.add(harness.toString());
      if (services != null) {
        Path serviceFile = jfr.dump(services, name + "-services", service.from(), service.to());
        if (serviceFile != null) {
          recordings.add(serviceFile.toString());
          profiles.put("service", Jfr.profile(serviceFile, service.from(), service.to(), TOP));
        }
      }
      if (scenario.floorInReadServer()) {
        Path floorFile = jfr.dump(rig.readServer(), name + "-read-server", floor.from(), floor.to());
        if (floorFile != null) {
          recordings.add(floorFile.toString());
          profiles.put("floor", Jfr.profile(floorFile, floor.from(), floor.to(), TOP));
        }
      } else {
        profiles.put("floor (this JVM)", Jfr.profile(harness, floor.from(), floor.to(), TOP));
      }
      profiles.put("generator (service side)", Jfr.profile(harness, service.from(), service.to(), TOP));
    }
    return ScenarioResult.judge(scenario, service.result(), floor.result(), blocked, recordings, profiles);
  }

  /** A side's result and when its load ran (preparation excluded). */
  private record Measured(SideResult result, Instant from, Instant to) {}

  private Measured side(Scenario scenario, String which, Workload workload, Background background, int sidesLeft)
      throws Exception {
    Duration share = Duration.between(Instant.now(), deadline).dividedBy(Math.max(1, sidesLeft));
    progress.printf("%d %s — %s: %s%n", scenario.number(), scenario.title(), which, workload.description());
    try (Generator.Side side = rig.generator().attach(workload)) {
      Instant from = Instant.now();
      SideResult result;
      if (scenario.fixedRate() > 0) {
        background.start();
        String beside;
        try {
          result = search.fixed(side, scenario.fixedRate(), scenario.goal().p99BoundMs());
        } finally {
          beside = background.stop();
        }
        if (beside != null) {
          progress.println("    beside it: " + beside);
          result = result.describedAs(result.description() + "; beside it " + beside);
        }
      } else {
        result = search.run(side, scenario.goal().p99BoundMs(), Instant.now().plus(share));
      }
      Instant to = Instant.now();
      if (background != Background.NONE && sidesLeft > 1) {
        // work the background load left in the services must not weigh on what is measured next
        side.settle(AFTER_BACKGROUND);
      }
      progress.printf("    probed %.0f/s; steps %s → %s%n", result.probed(),
          result.steps().stream().map(s -> String.format("%.0f/s p99 %.1f ms%s", s.rate(), s.p99(),
              s.errorCount() > 0 ? " errors " + s.errors() : "")).toList(),
          result.best().map(b -> String.format("%.0f/s within the bound", b.rate())).orElse("none within the bound"));
      return new Measured(result, from, to);
    }
  }
}
