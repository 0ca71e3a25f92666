package org.jobdash.load.gen;

import java.time.Duration;

/**
 * How long each phase runs and how many rate steps a side gets. A measured phase lasts long enough for about
 * {@code samples} requests, between {@code minMeasure} and {@code maxMeasure}; a side measured at one fixed rate
 * measures for {@code fixedMeasure}.
 */
public record Timing(Duration probe, Duration warmup, Duration minMeasure, Duration maxMeasure, int samples,
                     int steps, double firstStep, Duration fixedMeasure) {

  /**
   * The full run: every phase at most 30 s (a step's warm-up and measure together at most 9.5 s); up to eight
   * steps a side, as many as its share of the ten minutes allows.
   */
  public static Timing full() {
    return new Timing(Duration.ofSeconds(4), Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofSeconds(8),
        300, 8, 0.75, Duration.ofSeconds(20));
  }

  /** A few seconds a side, one step at a rate well under the probed capacity: proves the harness works. */
  public static Timing smoke() {
    return new Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2),
        1, 1, 0.4, Duration.ofSeconds(3));
  }

  public Duration measureAt(double rate) {
    long millis = (long) (samples / rate * 1000);
    return Duration.ofMillis(Math.max(minMeasure.toMillis(), Math.min(maxMeasure.toMillis(), millis)));
  }

  /** About how long a step at {@code rate} takes, draining included. */
  public Duration stepAt(double rate) {
    return warmup.plus(measureAt(rate)).plusSeconds(1);
  }
}
