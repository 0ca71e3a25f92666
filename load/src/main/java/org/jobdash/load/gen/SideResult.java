package org.jobdash.load.gen;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One side's search: the probed capacity, every step, and the highest arrival rate whose step stayed within the
 * bound (empty when none did).
 */
public record SideResult(String description, int concurrency, String served, double probed, double p99BoundMs,
                         List<PhaseResult> steps) {

  public Optional<PhaseResult> best() {
    return steps.stream().filter(s -> s.within(p99BoundMs)).max(Comparator.comparingDouble(PhaseResult::rate));
  }

  /** The step to show: the best one, or else the gentlest one tried. */
  public Optional<PhaseResult> shown() {
    return best().or(() -> steps.stream().min(Comparator.comparingDouble(PhaseResult::rate)));
  }

  /** The same result under another description (e.g. with what ran beside it). */
  public SideResult describedAs(String text) {
    return new SideResult(text, concurrency, served, probed, p99BoundMs, steps);
  }

  /** Requests per second within the bound, or 0. */
  public double maxRate() {
    return best().map(PhaseResult::rate).orElse(0.0);
  }

  /** The highest throughput any step achieved, within the bound or not. */
  public double bestAchieved() {
    return steps.stream().mapToDouble(PhaseResult::throughput).max().orElse(0);
  }
}
