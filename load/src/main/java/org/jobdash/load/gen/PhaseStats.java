package org.jobdash.load.gen;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the lanes of one measured phase record, from any thread: latencies of successes (µs) and errors by label. */
final class PhaseStats {

  private final Histogram latencies = new ConcurrentHistogram(3);
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder sent = new LongAdder();

  void sent() {
    sent.increment();
  }

  void record(String outcome, long latencyNanos) {
    if (Lane.OK.equals(outcome)) {
      latencies.recordValue(Math.max(1, latencyNanos / 1_000));
    } else {
      errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }
  }

  long sentCount() {
    return sent.sum();
  }

  Histogram latencies() {
    return latencies;
  }

  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
