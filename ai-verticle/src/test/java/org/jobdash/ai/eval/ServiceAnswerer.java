package org.jobdash.ai.eval;

import org.jobdash.ai.analysis.AnalysisService;
import org.jobdash.ai.analysis.Chunks;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.analysis.JobMatcher;
import org.jobdash.ai.analysis.JobRequirements;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.work.Deadline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The service's local path, called as AnalysisService calls it, with the in-process model's vectors. */
final class ServiceAnswerer implements Answerer {

  private static final int CHUNK_WORDS = 120;

  private final Embeddings embeddings;
  private final SkillTaxonomy taxonomy = SkillTaxonomy.shared();

  ServiceAnswerer(Embeddings embeddings) {
    this.embeddings = embeddings;
  }

  private static Deadline deadline() {
    return Deadline.after(Duration.ofSeconds(15));
  }

  public String name() {
    return "service";
  }

  public List<String> skills(String resume) {
    return AnalysisService.skillReport(taxonomy, resume, deadline()).names();
  }

  public Answer match(String resume, String job) {
    Deadline d = deadline();
    JobRequirements.Parsed parsed = JobRequirements.parse(taxonomy, job, d);
    List<String> texts = JobMatcher.meaningTexts(resume, parsed, d);
    List<float[]> vectors = embeddings.of(texts);
    Map<String, float[]> meaning = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      meaning.put(texts.get(i), vectors.get(i));
    }
    JobMatcher.Match m = JobMatcher.match(taxonomy, resume, parsed, embeddings.of(Chunks.of(resume, CHUNK_WORDS, d)),
        embeddings.of(Chunks.of(job, CHUNK_WORDS, d)), meaning, d);
    return new Answer(m.score(), m.matchedSkills(), m.missingSkills());
  }

  public Double ats(String resume, String job) {
    return ContentAnalyzer.analyze(resume, Set.of(), job, deadline()).ats();
  }

  public Double content(String resume, String job) {
    return ContentAnalyzer.analyze(resume, Set.of(), deadline()).overall();
  }
}
