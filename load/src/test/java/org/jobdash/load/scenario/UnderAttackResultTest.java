package org.jobdash.load.scenario;

import org.jobdash.load.gen.CpuMeter;
import org.jobdash.load.gen.PhaseResult;
import org.jobdash.load.gen.SideResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnderAttackResultTest {

  private static SideResult canary(long ok, double p99, Map<String, Long> errors) {
    PhaseResult step = new PhaseResult(50, 20, 1_000, ok, ok / 20.0, p99 / 4, p99 / 2, p99, p99, p99, errors,
        new CpuMeter.Shares(0.1, 0.5, 0.1, 0.9));
    return new SideResult("canary", 4, "services", 50, 500, List.of(step));
  }

  @Test
  void theRatioOfAFixedRateScenarioIsTheQuietP99OverTheP99UnderAttack() {
    ScenarioResult r = ScenarioResult.judge(new UnderAttack(), canary(1_000, 80, Map.of()),
        canary(1_000, 20, Map.of()), List.of(), List.of(), Map.of());

    assertThat(r.ratio()).isEqualTo(0.25);
    assertThat(r.ratioBasis()).startsWith("p99 latencies");
    assertThat(r.met()).isTrue();
  }

  @Test
  void theGoalFailsOnCanaryErrorsOnALatencyPastTheBoundAndOnABlockedThread() {
    SideResult quiet = canary(1_000, 20, Map.of());

    assertThat(ScenarioResult.judge(new UnderAttack(), canary(990, 80, Map.of("timeout", 10L)), quiet, List.of(),
        List.of(), Map.of()).met()).isFalse();
    assertThat(ScenarioResult.judge(new UnderAttack(), canary(1_000, 900, Map.of()), quiet, List.of(), List.of(),
        Map.of()).met()).isFalse();
    assertThat(ScenarioResult.judge(new UnderAttack(), canary(1_000, 80, Map.of()), quiet,
        List.of("Thread inference-0 has been blocked for 3000 ms"), List.of(), Map.of()).met()).isFalse();
  }

  @Test
  void aFloorThatAnsweredNothingGivesNoRatio() {
    assertThat(ScenarioResult.judge(new UnderAttack(), canary(1_000, 80, Map.of()), canary(0, 0, Map.of()),
        List.of(), List.of(), Map.of()).ratio()).isNull();
  }
}
