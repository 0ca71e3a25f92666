package org.jobdash.ai.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.LinkedHashSet;
import java.util.List;

/** The service's errors case by case, for reading: {@code -Deval.errors} (the main set) or {@code -Deval.errors=heldout}. */
@EnabledIfSystemProperty(named = "eval.errors", matches = ".*")
class ErrorListing {

  @Test
  void listTheServicesErrors() {
    Embeddings embeddings = Embeddings.load();
    ServiceAnswerer service = new ServiceAnswerer(embeddings);
    for (EvalCase c : "heldout".equals(System.getProperty("eval.errors")) ? EvalCase.heldOut() : EvalCase.all()) {
      List<String> found = service.skills(c.resume());
      List<String> falsePositives = found.stream().filter(f -> c.resumeSkills().stream().noneMatch(g -> g.matches(f)))
          .toList();
      List<String> missed = c.resumeSkills().stream().filter(g -> found.stream().noneMatch(g::matches))
          .map(EvalCase.Gold::name).toList();
      Answerer.Answer a = service.match(c.resume(), c.job());
      List<String> notMissing = c.missingRequired().stream().filter(g -> a.missing().stream().noneMatch(g::matches))
          .map(EvalCase.Gold::name).toList();
      List<String> wrongMatches = a.matched().stream()
          .filter(m -> c.resumeSkills().stream().noneMatch(g -> g.matches(m))).toList();
      System.out.println(c.id() + "\n  skills FP " + falsePositives + "\n  skills FN " + missed
          + "\n  missing not said " + notMissing + "\n  matched wrongly " + wrongMatches
          + "\n  said missing " + new LinkedHashSet<>(a.missing()));
    }
  }
}
