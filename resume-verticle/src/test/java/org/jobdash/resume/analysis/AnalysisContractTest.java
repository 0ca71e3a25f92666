package org.jobdash.resume.analysis;

import org.jobdash.common.bus.AnalysisCompleted;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisContractTest {

  private static AnalysisCompleted answer(String status, Double overall, Double ats) {
    return new AnalysisCompleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status, overall, ats, null,
        null, null, null, null, "m", 1, null);
  }

  @Test
  void anAnswerIsCompletedOrFailedWithScoresFrom0To100OrNone() {
    assertThat(AnalysisService.contractProblem(answer(AnalysisCompleted.COMPLETED, 0.0, 100.0))).isNull();
    assertThat(AnalysisService.contractProblem(answer(AnalysisCompleted.FAILED, null, null))).isNull();
    assertThat(AnalysisService.contractProblem(answer("done", 50.0, 50.0))).contains("completed or failed");
    assertThat(AnalysisService.contractProblem(answer(AnalysisCompleted.COMPLETED, 100.5, null)))
        .contains("between 0 and 100");
    assertThat(AnalysisService.contractProblem(answer(AnalysisCompleted.COMPLETED, null, Double.NaN)))
        .contains("between 0 and 100");
  }
}
