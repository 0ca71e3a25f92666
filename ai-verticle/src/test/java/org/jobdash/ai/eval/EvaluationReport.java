package org.jobdash.ai.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation of the whole labelled set, service beside the baselines, printed and written to
 * {@code target/eval-report.md}. Runs only when asked: {@code -Deval} (see the README's AI section).
 */
@EnabledIfSystemProperty(named = "eval", matches = ".*")
class EvaluationReport {

  @Test
  void theServiceIsMeasuredBesideTheBaselines() throws IOException {
    Embeddings embeddings = Embeddings.load();
    String report = table("Evaluation set", EvalCase.all(), embeddings) + "\n"
        + table("Held-out set (written after the service)", EvalCase.heldOut(), embeddings);
    System.out.println("\n" + report);
    Files.writeString(Path.of("target", "eval-report.md"), report);
  }

  private static String table(String title, List<EvalCase> cases, Embeddings embeddings) {
    List<String> vocabulary = Evaluation.vocabulary(cases);
    Evaluation.Table table = new Evaluation(cases).run(List.of(new ServiceAnswerer(embeddings),
        new Baselines.WordOverlap(vocabulary), new Baselines.TfIdf(Evaluation.corpus(cases)),
        new Baselines.Embedding(vocabulary, embeddings)));
    assertThat(table.rows().values()).allSatisfy(cells -> assertThat(cells).hasSize(4));
    return title + ": " + cases.size() + " résumés and job descriptions over "
        + cases.stream().map(EvalCase::trade).distinct().count() + " trades\n\n" + table.markdown();
  }
}
