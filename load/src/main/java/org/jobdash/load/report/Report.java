package org.jobdash.load.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.load.gen.CpuMeter;
import org.jobdash.load.gen.PhaseResult;
import org.jobdash.load.gen.SideResult;
import org.jobdash.load.scenario.ScenarioResult;
import org.jobdash.load.system.Jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The run's results as a table for people and as JSON for tools. */
public final class Report {

  /** Where and how the run happened. */
  public record Run(Instant started, Duration took, String machine, int cores, String java, String mode,
                    String target, List<String> notes) {}

  private Report() {}

  /** The table, the legend of what each side sent, the goals, and (with recordings) the hottest methods. */
  public static String table(Run run, List<ScenarioResult> results) {
    StringBuilder b = new StringBuilder();
    b.append("Job Dashboard load test — ").append(run.started()).append(" — ").append(run.machine()).append(", ")
        .append(run.cores()).append(" cores, Java ").append(run.java()).append(" — ").append(run.mode())
        .append(" run, ").append(run.took().toSeconds()).append(" s — ").append(run.target()).append('\n');
    b.append("rate: highest arrival rate (open model) with 0 errors and p99 within the bound; latencies in ms from the"
        + " intended send time; CPU in % of all cores: gen = this generator, srv = the serving JVM or threads,"
        + " db = PostgreSQL, all = the machine\n\n");
    b.append(String.format("%-2s %-24s %5s %7s %9s %15s %7s %7s %7s %7s %-16s %4s %4s %4s %4s %7s  %s%n", "#",
        "scenario / side", "conc", "bound", "rate/s", "units/s", "p50", "p90", "p99", "p99.9", "errors", "gen",
        "srv", "db", "all", "ratio", "goal"));
    for (ScenarioResult r : results) {
      b.append(String.format("%-2d %-24s %5s %7s %9s %15s %7s %7s %7s %7s %-16s %4s %4s %4s %4s %7s  %s%n",
          r.number(), r.title(), "", "", "", "", "", "", "", "", "", "", "", "", "",
          r.ratio() == null ? "n/a"
              : String.format("%.2f×%s", r.ratio(), r.ratioBasis().startsWith("probed") ? "*"
                  : r.ratioBasis().startsWith("p99") ? "‡" : ""),
          r.met() ? "MET" : "NOT MET"));
      row(b, "service", r.service(), r);
      row(b, "floor", r.floor(), r);
    }
    b.append("\n* ratio of the probed closed-loop capacities: a side never stayed within its bound\n");
    b.append("‡ one fixed rate on both sides: ratio of p99 latencies, the floor's over the service's\n");
    b.append("— no step within the bound: the figures are those of the gentlest step tried, at the rate in brackets\n");
    b.append("\nsides\n");
    for (ScenarioResult r : results) {
      b.append(String.format("%d service: %s; served by %s%n", r.number(), r.service().description(),
          r.service().served()));
      b.append(String.format("%d floor:   %s; served by %s%n", r.number(), r.floor().description(),
          r.floor().served()));
    }
    b.append("\ngoals\n");
    for (ScenarioResult r : results) {
      b.append(String.format("%d %s: %s — %s (goal: %s)%n", r.number(), r.title(), r.met() ? "MET" : "NOT MET",
          r.verdict(), r.goal().text()));
    }
    if (results.stream().anyMatch(r -> !r.profiles().isEmpty())) {
      b.append("\nprofiles (share of execution samples by top frame)\n");
      for (ScenarioResult r : results) {
        r.profiles().forEach((what, p) -> b.append(String.format(
            "%d %s, %d samples: %s | packages: %s | %d working native samples: %s%n", r.number(), what, p.samples(),
            shares(p.methods()), shares(p.packages()), p.nativeSamples(), shares(p.natives()))));
      }
      b.append("recordings:\n");
      results.forEach(r -> r.recordings().forEach(f -> b.append("  ").append(f).append('\n')));
    }
    run.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
    return b.toString();
  }

  private static void row(StringBuilder b, String side, SideResult s, ScenarioResult r) {
    PhaseResult shown = s.shown().orElse(null);
    boolean within = s.best().isPresent();
    String rate = shown == null ? "—" : within ? String.format("%,.0f", shown.rate())
        : String.format("— (%,.0f)", shown.rate());
    String units = within ? String.format("%,.0f", shown.rate() * r.perRequest()) : "—";
    String errors = shown == null ? "" : shown.errorCount() == 0 ? "0"
        : shown.errorCount() + " " + shown.errors().keySet().iterator().next();
    CpuMeter.Shares cpu = shown == null ? null : shown.cpu();
    b.append(String.format("%-2s   %-22s %5d %7s %9s %15s %7s %7s %7s %7s %-16s %4s %4s %4s %4s%n", "", side,
        s.concurrency(), String.format("%.0f ms", s.p99BoundMs()), rate, units + " " + r.unit(),
        shown == null ? "" : ms(shown.p50()), shown == null ? "" : ms(shown.p90()),
        shown == null ? "" : ms(shown.p99()), shown == null ? "" : ms(shown.p999()), errors,
        cpu == null ? "" : pct(cpu.generator()), cpu == null ? "" : pct(cpu.served()),
        cpu == null ? "" : pct(cpu.database()), cpu == null ? "" : pct(cpu.machine())));
  }

  private static String ms(double v) {
    return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
  }

  private static String pct(double share) {
    return share < 0 ? "-" : String.format("%.0f%%", share * 100);
  }

  private static String shares(List<Jfr.Share> shares) {
    return String.join(", ", shares.stream().map(s -> String.format("%s %.0f%%", s.name(), s.share() * 100))
        .toList());
  }

  /** Writes the JSON document. */
  public static void write(Path file, Run run, List<ScenarioResult> results) throws IOException {
    JsonArray scenarios = new JsonArray();
    for (ScenarioResult r : results) {
      JsonObject profiles = new JsonObject();
      r.profiles().forEach((what, p) -> profiles.put(what, new JsonObject().put("file", p.file())
          .put("samples", p.samples()).put("methods", shareJson(p.methods())).put("packages", shareJson(p.packages()))
          .put("nativeSamples", p.nativeSamples()).put("natives", shareJson(p.natives()))));
      scenarios.add(new JsonObject()
          .put("number", r.number())
          .put("title", r.title())
          .put("unit", r.unit())
          .put("perRequest", r.perRequest())
          .put("goal", new JsonObject().put("text", r.goal().text()).put("minRatio", r.goal().minRatio())
              .put("p99BoundMs", r.goal().p99BoundMs()).put("noBlockedThreads", r.goal().noBlockedThreads()))
          .put("service", side(r.service(), r.perRequest()))
          .put("floor", side(r.floor(), r.perRequest()))
          .put("ratio", r.ratio())
          .put("ratioBasis", r.ratioBasis())
          .put("goalMet", r.met())
          .put("verdict", r.verdict())
          .put("blockedThreadWarnings", r.blockedWarnings() == null ? null
              : new JsonArray(List.copyOf(r.blockedWarnings())))
          .put("recordings", new JsonArray(List.copyOf(r.recordings())))
          .put("profiles", profiles));
    }
    JsonObject doc = new JsonObject()
        .put("started", run.started().toString())
        .put("seconds", run.took().toMillis() / 1000.0)
        .put("machine", new JsonObject().put("cpu", run.machine()).put("cores", run.cores()).put("java", run.java()))
        .put("mode", run.mode())
        .put("target", run.target())
        .put("notes", new JsonArray(List.copyOf(run.notes())))
        .put("scenarios", scenarios);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, doc.encodePrettily());
  }

  private static JsonObject side(SideResult s, int perRequest) {
    JsonArray steps = new JsonArray();
    for (PhaseResult p : s.steps()) {
      steps.add(new JsonObject()
          .put("rate", p.rate())
          .put("seconds", p.seconds())
          .put("sent", p.sent())
          .put("ok", p.ok())
          .put("throughput", p.throughput())
          .put("withinBound", p.within(s.p99BoundMs()))
          .put("latencyMs", new JsonObject().put("p50", p.p50()).put("p90", p.p90()).put("p99", p.p99())
              .put("p99.9", p.p999()).put("max", p.max()))
          .put("errors", new JsonObject(Map.copyOf(p.errors())))
          .put("cpu", new JsonObject().put("generator", p.cpu().generator()).put("served", p.cpu().served())
              .put("database", p.cpu().database()).put("machine", p.cpu().machine())));
    }
    return new JsonObject()
        .put("description", s.description())
        .put("concurrency", s.concurrency())
        .put("servedBy", s.served())
        .put("p99BoundMs", s.p99BoundMs())
        .put("probedPerSecond", s.probed())
        .put("maxRate", s.best().isPresent() ? s.maxRate() : null)
        .put("maxUnitsPerSecond", s.best().isPresent() ? s.maxRate() * perRequest : null)
        .put("steps", steps);
  }

  private static JsonArray shareJson(List<Jfr.Share> shares) {
    JsonArray out = new JsonArray();
    shares.forEach(s -> out.add(new JsonObject().put("name", s.name()).put("share", s.share())));
    return out;
  }
}
