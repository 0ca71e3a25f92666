package org.jobdash.ai.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness runs end to end on a few cases of the set, every system giving every figure it defines. */
class EvaluationSmokeTest {

  @Test
  void theHarnessReportsEveryFigureForEverySystem() {
    List<EvalCase> all = EvalCase.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(24);
    assertThat(all.stream().map(EvalCase::trade).distinct().count()).isGreaterThanOrEqualTo(12);
    List<EvalCase> few = List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 1));
    Embeddings embeddings = Embeddings.load();
    List<String> vocabulary = Evaluation.vocabulary(few);
    Evaluation.Table table = new Evaluation(few).run(List.of(new ServiceAnswerer(embeddings),
        new Baselines.WordOverlap(vocabulary), new Baselines.TfIdf(Evaluation.corpus(few)),
        new Baselines.Embedding(vocabulary, embeddings)));

    assertThat(table.systems()).containsExactly("service", "word overlap", "TF-IDF cosine", "bare embedding");
    assertThat(table.rows()).containsKeys("skills F1", "missing-skill recall", "matched-skill precision",
        "job match top-1", "job match MRR", "ATS: weakened layout scored lower", "content: weakened bullets scored lower");
    assertThat(table.rows().get("job match top-1")).allSatisfy(cell -> assertThat(cell).matches("[0-3] of 3"));
    assertThat(table.rows().get("skills F1").get(0)).matches("[01]\\.\\d{3}");
    assertThat(table.markdown()).contains("| skills F1 | ");
  }

  @Test
  void weakenedResumesLoseWhatTheirKindRemoves() {
    EvalCase nurse = EvalCase.all().stream().filter(c -> c.id().equals("nurse-icu")).findFirst().orElseThrow();
    String ats = Weakened.of("ats", nurse.resume());
    assertThat(ats).doesNotContain("@", "2019", "Experience\n").contains(" | ");
    assertThat(Weakened.of("content", nurse.resume())).contains("- Responsible for").doesNotContain("8 new");
    assertThat(Weakened.of("short", nurse.resume()).lines().count()).isLessThanOrEqualTo(7);
    assertThat(Weakened.undated("Staff Nurse, Medical ICU — Northwestern Lakeside Hospital, 2019 – present"))
        .isEqualTo("Staff Nurse, Medical ICU — Northwestern Lakeside Hospital");
  }
}
