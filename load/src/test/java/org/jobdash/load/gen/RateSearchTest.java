package org.jobdash.load.gen;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RateSearchTest {

  private static PhaseResult step(double rate, long sent, long ok, double p99, Map<String, Long> errors) {
    return new PhaseResult(rate, 5, sent, ok, ok / 5.0, 1, 2, p99, p99, p99, errors,
        new CpuMeter.Shares(0.1, 0.5, 0.2, 0.9));
  }

  @Test
  void theRateGoesUpAfterAPassDownAfterAFailureAndBetweenOnceBothAreKnown() {
    assertThat(RateSearch.next(100.0, null, false)).isCloseTo(130.0, within(1e-9));
    assertThat(RateSearch.next(100.0, null, true)).isCloseTo(200.0, within(1e-9));
    assertThat(RateSearch.next(null, 100.0, false)).isCloseTo(55.0, within(1e-9));
    assertThat(RateSearch.next(100.0, 400.0, true)).isCloseTo(200.0, within(1e-9));
  }

  @Test
  void aStepIsWithinTheBoundOnlyWithEveryRequestAnsweredAndTheP99AtMostTheBound() {
    assertThat(step(100, 500, 500, 49.9, Map.of()).within(50)).isTrue();
    assertThat(step(100, 500, 500, 50.1, Map.of()).within(50)).isFalse();
    assertThat(step(100, 500, 499, 10, Map.of("HTTP 503", 1L)).within(50)).isFalse();
    assertThat(step(100, 0, 0, 0, Map.of()).within(50)).isFalse();
  }

  @Test
  void theBestStepIsTheFastestWithinTheBoundAndTheGentlestIsShownWhenNoneIs() {
    SideResult mixed = new SideResult("side", 64, "served", 1000, 50, List.of(step(750, 3750, 3750, 20, Map.of()),
        step(975, 4875, 4875, 80, Map.of()), step(855, 4275, 4275, 45, Map.of())));
    SideResult failing = new SideResult("side", 64, "served", 1000, 50, List.of(step(750, 3750, 3700, 20,
        Map.of("timeout", 50L)), step(412, 2060, 2060, 60, Map.of())));

    assertThat(mixed.maxRate()).isEqualTo(855);
    assertThat(mixed.shown().orElseThrow().rate()).isEqualTo(855);
    assertThat(failing.best()).isEmpty();
    assertThat(failing.maxRate()).isZero();
    assertThat(failing.shown().orElseThrow().rate()).isEqualTo(412);
  }
}
