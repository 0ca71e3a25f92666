package org.jobdash.load.gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Finds the highest arrival rate whose 99th percentile stays within a bound with no error: a closed-loop probe
 * estimates the capacity, then open-model steps move up after a step within the bound and down after one over
 * it (once the server has worked off its backlog), halving the gap (geometrically) once both are known.
 */
public final class RateSearch {

  /** The longest wait for a server to finish the backlog of a step over the bound. */
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(8);

  private final Timing timing;

  public RateSearch(Timing timing) {
    this.timing = timing;
  }

  /** @param deadline no step starts that could end after it */
  public SideResult run(Generator.Side side, double p99BoundMs, Instant deadline) throws TimeoutException {
    double capacity = side.probe(timing.probe());
    List<PhaseResult> steps = new ArrayList<>();
    double rate = capacity * timing.firstStep();
    Double within = null;
    Double over = null;
    for (int i = 0; i < timing.steps(); i++) {
      if (i > 0 && Instant.now().plus(timing.stepAt(rate)).isAfter(deadline)) {
        break;
      }
      PhaseResult step = side.open(rate, timing.warmup(), timing.measureAt(rate));
      steps.add(step);
      if (step.within(p99BoundMs)) {
        within = rate;
      } else {
        over = rate;
        Duration left = Duration.between(Instant.now(), deadline);
        side.settle(left.compareTo(SETTLE_LIMIT) < 0 ? left : SETTLE_LIMIT);
      }
      rate = next(within, over, step.p99() / p99BoundMs < 0.25 && step.cpu().machine() >= 0
          && step.cpu().machine() < 0.8);
      if (within != null && over != null && over / within < 1.1) {
        break;
      }
    }
    Workload w = side.workload();
    return new SideResult(w.description(), w.concurrency(), w.served().where(), capacity, p99BoundMs, steps);
  }

  /** One open-model step at {@code rate} (no probe, no search): a side whose load is fixed, e.g. a canary. */
  public SideResult fixed(Generator.Side side, double rate, double p99BoundMs) throws TimeoutException {
    PhaseResult step = side.open(rate, timing.warmup(), timing.fixedMeasure());
    Workload w = side.workload();
    return new SideResult(w.description(), w.concurrency(), w.served().where(), rate, p99BoundMs, List.of(step));
  }

  /**
   * The next rate: while nothing failed, up by 30 % (doubled when {@code farBelow}: the last step used under a
   * quarter of the bound and the machine had CPU to spare, so the probe underestimated); while nothing passed,
   * down to 55 %; else between the two.
   */
  static double next(Double within, Double over, boolean farBelow) {
    if (over == null) {
      return within * (farBelow ? 2 : 1.3);
    }
    if (within == null) {
      return over * 0.55;
    }
    return Math.sqrt(within * over);
  }
}
