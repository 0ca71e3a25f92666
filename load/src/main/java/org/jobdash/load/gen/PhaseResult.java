package org.jobdash.load.gen;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * One measured phase at a fixed arrival rate: what was sent, what succeeded per second, latency percentiles of
 * the successes in milliseconds (timed from each request's intended send time), errors by label, CPU shares.
 */
public record PhaseResult(double rate, double seconds, long sent, long ok, double throughput, double p50,
                          double p90, double p99, double p999, double max, Map<String, Long> errors,
                          CpuMeter.Shares cpu) {

  static PhaseResult of(double rate, double seconds, PhaseStats stats, CpuMeter.Shares cpu) {
    Histogram h = stats.latencies();
    long ok = h.getTotalCount();
    return new PhaseResult(rate, seconds, stats.sentCount(), ok, ok / seconds, ms(h, 50), ms(h, 90), ms(h, 99),
        ms(h, 99.9), ok == 0 ? 0 : h.getMaxValue() / 1_000.0, stats.errors(), cpu);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1_000.0;
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Within the bound: every request answered without error, and the 99th percentile at most {@code p99BoundMs}. */
  public boolean within(double p99BoundMs) {
    return ok > 0 && ok == sent && p99 <= p99BoundMs;
  }
}
