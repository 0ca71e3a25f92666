package org.jobdash.user.limit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A limit's bucket and the wait it reports, on the local buckets. */
class LimitTest {

  @Test
  void aFullBucketAnswersWithTheWholeSecondsUntilItsNextToken() {
    LocalBuckets buckets = new LocalBuckets(Duration.ofHours(1), 10);
    Limit limit = new Limit(2, Duration.ofSeconds(60));
    assertThat(buckets.take("k", limit).await()).isZero();
    assertThat(buckets.take("k", limit).await()).isZero();
    // one token of two comes back every 30 s
    assertThat(buckets.take("k", limit).await()).isBetween(29L, 30L);
    assertThat(buckets.take("other", limit).await()).as("each key has its own bucket").isZero();
  }

  @Test
  void aLimitNeedsACapacityAndAPeriod() {
    assertThatThrownBy(() -> new Limit(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
