package org.jobdash.ai.eval;

import org.jobdash.ai.analysis.Chunks;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.analysis.JobMatcher;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.work.Deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The service's local path, called as AnalysisService calls it, with the in-process model's vectors. */
final class ServiceAnswerer implements Answerer {

  private static final int CHUNK_WORDS = 120;
  private static final int MAX_SEGMENTS = 48;

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
    Deadline d = deadline();
    List<String> segments = Chunks.segments(resume, MAX_SEGMENTS, d);
    List<SkillTaxonomy.Found> found = new ArrayList<>(taxonomy.findByPhrase(resume, d));
    found.addAll(taxonomy.findBySimilarity(segments, embeddings.of(segments), found, d));
    return found.stream().map(f -> f.skill().name()).toList();
  }

  public Answer match(String resume, String job) {
    Deadline d = deadline();
    JobMatcher.Match m = JobMatcher.match(taxonomy, resume, job, embeddings.of(Chunks.of(resume, CHUNK_WORDS, d)),
        embeddings.of(Chunks.of(job, CHUNK_WORDS, d)), d);
    return new Answer(m.score(), m.matchedSkills(), m.missingSkills());
  }

  public Double ats(String resume, String job) {
    return ContentAnalyzer.analyze(resume, Set.of(), deadline()).ats();
  }

  public Double content(String resume, String job) {
    return ContentAnalyzer.analyze(resume, Set.of(), deadline()).overall();
  }
}
