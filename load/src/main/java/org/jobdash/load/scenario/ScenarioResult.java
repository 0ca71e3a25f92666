package org.jobdash.load.scenario;

import org.jobdash.load.gen.PhaseResult;
import org.jobdash.load.gen.SideResult;
import org.jobdash.load.system.Jfr;

import java.util.List;
import java.util.Map;

/**
 * One scenario's outcome: both sides, the ratio of their throughputs (null when the floor achieved nothing),
 * what it was computed from, whether the goal is met and why, the blocked-thread warnings the services logged
 * meanwhile (null when their log is not this harness's), and the recordings with what they show.
 */
public record ScenarioResult(int number, String title, String unit, int perRequest, Goal goal, SideResult service,
                             SideResult floor, Double ratio, String ratioBasis, boolean met, String verdict,
                             List<String> blockedWarnings, List<String> recordings, Map<String, Jfr.Profile> profiles) {

  /** The ratio of service to floor and how it was obtained. */
  record Ratio(Double value, String basis) {

    static Ratio of(SideResult service, SideResult floor) {
      if (service.best().isPresent() && floor.best().isPresent()) {
        return new Ratio(service.maxRate() / floor.maxRate(), "highest arrival rates within the bound");
      }
      if (floor.bestAchieved() <= 0) {
        return new Ratio(null, "the floor answered nothing");
      }
      return new Ratio(service.bestAchieved() > 0 ? service.probed() / floor.probed() : 0.0,
          "probed closed-loop capacities (a side never stayed within the bound)");
    }

    /** For one fixed rate on both sides: the floor's p99 over the service's, the share of its latency kept. */
    static Ratio ofLatency(SideResult service, SideResult floor) {
      PhaseResult quiet = floor.steps().get(0);
      PhaseResult loaded = service.steps().get(0);
      if (quiet.ok() == 0) {
        return new Ratio(null, "the floor answered nothing");
      }
      return new Ratio(loaded.ok() == 0 ? 0.0 : quiet.p99() / loaded.p99(),
          "p99 latencies at one fixed rate: the floor's over the service's (the share of its latency kept)");
    }
  }

  /** Judges the goal from both sides, the ratio and the warnings. */
  static ScenarioResult judge(Scenario s, SideResult service, SideResult floor, List<String> blocked,
                              List<String> recordings, Map<String, Jfr.Profile> profiles) {
    Goal goal = s.goal();
    Ratio ratio = s.fixedRate() > 0 ? Ratio.ofLatency(service, floor) : Ratio.of(service, floor);
    StringBuilder why = new StringBuilder();
    boolean met = true;
    PhaseResult best = service.best().orElse(null);
    if (best == null) {
      met = false;
      why.append("the service never stayed within p99 ≤ ").append(fmt(goal.p99BoundMs())).append(" ms with 0 errors");
    } else {
      why.append("p99 ").append(fmt(best.p99())).append(" ms ≤ ").append(fmt(goal.p99BoundMs())).append(" ms at ")
          .append(fmt(best.rate())).append("/s with 0 errors");
    }
    if (goal.minRatio() > 0) {
      boolean enough = ratio.value() != null && ratio.value() >= goal.minRatio();
      met &= enough;
      why.append("; ratio ").append(ratio.value() == null ? "n/a" : fmt(ratio.value()) + "×")
          .append(enough ? " ≥ " : " < ").append(fmt(goal.minRatio())).append("×");
    }
    if (goal.noBlockedThreads()) {
      if (blocked == null) {
        met = false;
        why.append("; blocked-thread warnings not checked (the services' log is not this harness's)");
      } else {
        met &= blocked.isEmpty();
        why.append("; ").append(blocked.size()).append(" blocked-thread warning(s)");
      }
    }
    return new ScenarioResult(s.number(), s.title(), s.unit(), s.perRequest(), goal, service, floor, ratio.value(),
        ratio.basis(), met, why.toString(), blocked, recordings, profiles);
  }

  static String fmt(double v) {
    if (v >= 100) {
      return String.format("%,.0f", v);
    }
    return v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
  }
}
