package org.jobdash.ai.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a remote call waits before it is tried again. */
class BackoffTest {

  static final long INITIAL = 250;
  static final long MAX = 5_000;

  @Test
  void theWaitDoublesPerAttemptUpToTheCap() {
    assertThat(RemoteCaller.backoffMs(0, null, INITIAL, MAX)).isEqualTo(250);
    assertThat(RemoteCaller.backoffMs(1, null, INITIAL, MAX)).isEqualTo(500);
    assertThat(RemoteCaller.backoffMs(2, null, INITIAL, MAX)).isEqualTo(1_000);
    assertThat(RemoteCaller.backoffMs(4, null, INITIAL, MAX)).isEqualTo(4_000);
    assertThat(RemoteCaller.backoffMs(5, null, INITIAL, MAX)).isEqualTo(MAX);
    assertThat(RemoteCaller.backoffMs(60, null, INITIAL, MAX)).isEqualTo(MAX);
  }

  @Test
  void aHugeStartingWaitIsCappedRatherThanOverflowing() {
    assertThat(RemoteCaller.backoffMs(20, null, Long.MAX_VALUE / 4, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(RemoteCaller.backoffMs(3, null, 1L << 61, MAX)).isEqualTo(MAX);
  }

  @Test
  void retryAfterInSecondsIsWhatTheServerAsksUpToTheCap() {
    assertThat(RemoteCaller.backoffMs(0, "2", INITIAL, MAX)).isEqualTo(2_000);
    assertThat(RemoteCaller.backoffMs(3, " 1 ", INITIAL, MAX)).isEqualTo(1_000);
    assertThat(RemoteCaller.backoffMs(0, "0", INITIAL, MAX)).isZero();
    assertThat(RemoteCaller.backoffMs(0, "5", INITIAL, MAX)).isEqualTo(MAX);
    assertThat(RemoteCaller.backoffMs(0, "6", INITIAL, MAX)).isEqualTo(MAX);
    assertThat(RemoteCaller.backoffMs(0, "-3", INITIAL, MAX)).isZero();
  }

  @Test
  void aRetryAfterTooLargeForMillisecondsIsTheCapNotZero() {
    assertThat(RemoteCaller.backoffMs(0, String.valueOf(Long.MAX_VALUE), INITIAL, MAX)).isEqualTo(MAX);
    assertThat(RemoteCaller.backoffMs(0, "99999999999999999999", INITIAL, MAX)).as("beyond a long: exponential")
        .isEqualTo(250);
  }

  @Test
  void aRetryAfterDateOrGarbageFallsBackToTheExponentialWait() {
    assertThat(RemoteCaller.backoffMs(1, "Wed, 21 Oct 2026 07:28:00 GMT", INITIAL, MAX)).isEqualTo(500);
    assertThat(RemoteCaller.backoffMs(2, "soon", INITIAL, MAX)).isEqualTo(1_000);
    assertThat(RemoteCaller.backoffMs(2, "", INITIAL, MAX)).isEqualTo(1_000);
  }
}
