package org.jobdash.user.limit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.jobdash.common.config.Settings;

import java.time.Duration;

/** At most {@code capacity} requests per {@code period}, refilled smoothly (a token bucket). */
public record Limit(long capacity, Duration period) {

  public Limit {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive period");
    }
  }

  /** {@code {"capacity": 10, "periodSeconds": 60}}. */
  static Limit from(Settings json) {
    return new Limit(json.whole("capacity"), Duration.ofSeconds(json.whole("periodSeconds")));
  }

  public Bandwidth bandwidth() {
    return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
  }

  public BucketConfiguration configuration() {
    return BucketConfiguration.builder().addLimit(bandwidth()).build();
  }

  /** 0 when the probe consumed a token, else the whole seconds until one is there again (at least 1). */
  public static long waitSeconds(ConsumptionProbe probe) {
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
  }
}
