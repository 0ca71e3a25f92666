package org.jobdash.ai.analysis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.ai.ResumeTexts;
import org.jobdash.ai.TextFields;
import org.jobdash.ai.embedding.EmbeddingRepository;
import org.jobdash.ai.embedding.NewEmbedding;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.model.TextEmbedder;
import org.jobdash.ai.optimize.OptimizationService;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.Usage;
import org.jobdash.ai.skills.SkillExtractor;
import org.jobdash.ai.skills.SkillReport;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.bus.AnalyzeResume;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Skill, content and job-match analyses and the whole analysis of a résumé sent over the event bus. Embedding
 * goes through the batcher, chunking, matching and scoring run on the inference worker, all of it within the
 * request's deadline, and each result is stored with its session in one transaction.
 */
public final class AnalysisService {

  private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
  static final int CHUNK_WORDS = 120;

  /** A stored skill analysis. */
  public record Skills(UUID id, UUID sessionId, SkillReport report) {}

  /** A stored content analysis. */
  public record Content(UUID id, UUID sessionId, ContentAnalyzer.Report report) {}

  /** A stored job match. */
  public record JobMatch(UUID id, UUID sessionId, UUID resumeId, JobMatcher.Match match) {}

  private record ResumeWork(List<String> chunks, List<float[]> chunkVectors, SkillReport skills,
                            ContentAnalyzer.Report content) {}

  /**
   * The résumé's chunks, the job's chunks and the texts compared by meaning, embedded in one call in that order, and
   * the job read into its requirements.
   */
  private record MatchCut(List<String> resumeChunks, List<String> jobChunks, List<String> meaningTexts,
                          JobRequirements.Parsed job) {
    List<String> all() {
      List<String> all = new ArrayList<>(resumeChunks);
      all.addAll(jobChunks);
      all.addAll(meaningTexts);
      return all;
    }

    List<float[]> resumeVectors(List<float[]> all) {
      return all.subList(0, resumeChunks.size());
    }

    List<float[]> jobVectors(List<float[]> all) {
      return all.subList(resumeChunks.size(), resumeChunks.size() + jobChunks.size());
    }

    Map<String, float[]> meaning(List<float[]> all) {
      Map<String, float[]> out = new HashMap<>();
      int from = resumeChunks.size() + jobChunks.size();
      for (int i = 0; i < meaningTexts.size(); i++) {
        out.put(meaningTexts.get(i), all.get(from + i));
      }
      return out;
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final AnalysisRepository analyses;
  private final EmbeddingRepository embeddings;
  private final SessionRecorder sessions;
  private final TextEmbedder embedder;
  private final BoundedWorker worker;
  private final ResumeTexts resumes;

  public AnalysisService(Vertx vertx, Pool pool, AnalysisRepository analyses, EmbeddingRepository embeddings,
                         SessionRecorder sessions, TextEmbedder embedder, BoundedWorker worker,
                         ResumeTexts resumes) {
    this.vertx = vertx;
    this.pool = pool;
    this.analyses = analyses;
    this.embeddings = embeddings;
    this.sessions = sessions;
    this.embedder = embedder;
    this.worker = worker;
    this.resumes = resumes;
  }

  public Future<Skills> skills(UUID userId, String text, Deadline deadline) {
    long started = System.nanoTime();
    return worker.submit(deadline, d -> skillReport(SkillTaxonomy.shared(), text, d))
        .compose(report -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                "skill_analysis", Usage.local(OptimizationService.LOCAL_MODEL, 0, 0), elapsed(started), null, null,
                null, new JsonObject().put("skills", report.found().size())),
            sessionId -> analyses.saveSkills(conn, userId, sessionId, null, report, SkillTaxonomy.shared(),
                    TextFields.sha256(text))
                .map(id -> new Skills(id, sessionId, report)))))
        .recover(e -> sessions.failed(pool, userId, "skill_analysis", OptimizationService.LOCAL_MODEL, started, null,
            e));
  }

  /** The content analysis of a résumé, for the job {@code job} describes when it is not null. */
  public Future<Content> content(UUID userId, String text, String job, Deadline deadline) {
    long started = System.nanoTime();
    return worker.submit(deadline, d -> ContentAnalyzer.analyze(text, Set.of(), job, d))
        .compose(report -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                "content_analysis", Usage.local(OptimizationService.LOCAL_MODEL, 0, 0),
                elapsed(started), null, null, null, new JsonObject().put("findings", report.findings().size())),
            sessionId -> analyses.saveContent(conn, userId, sessionId, null, report)
                .map(id -> new Content(id, sessionId, report)))))
        .recover(e -> sessions.failed(pool, userId, "content_analysis", OptimizationService.LOCAL_MODEL, started, null,
            e));
  }

  /** Matches a résumé (given, or fetched from the résumé service for its owner) against a job description. */
  public Future<JobMatch> jobMatch(UUID userId, UUID resumeId, String resumeText, String job, String jobTitle,
                                   Deadline deadline) {
    long started = System.nanoTime();
    Future<String> resume = resumeId == null ? Future.succeededFuture(resumeText)
        : resumes.owned(userId, resumeId).map(content -> {
          if (content.isBlank()) {
            throw new ApiException.Unprocessable("The résumé has no text to match yet");
          }
          return content;
        });
    // the résumé's chunks first, the job's second, then the texts compared by meaning
    return resume.compose(text -> worker.submit(deadline, d -> {
          JobRequirements.Parsed parsed = JobRequirements.parse(SkillTaxonomy.shared(), job, d);
          return new MatchCut(Chunks.of(text, CHUNK_WORDS, d), Chunks.of(job, CHUNK_WORDS, d),
              JobMatcher.meaningTexts(text, parsed, d), parsed);
        })
        .compose(cut -> embedder.local(cut.all(), deadline).compose(vectors -> worker.submit(deadline,
                d -> JobMatcher.match(SkillTaxonomy.shared(), text, cut.job(), cut.resumeVectors(vectors.vectors()),
                    cut.jobVectors(vectors.vectors()), cut.meaning(vectors.vectors()), d))
            .compose(match -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                    "job_match", vectors.usage(), elapsed(started), null, null, resumeId,
                    new JsonObject().put("score", match.score())),
                sessionId -> analyses.saveMatch(conn, userId, sessionId, resumeId, TextFields.sha256(text),
                        jobTitle, job, match)
                    .map(id -> new JobMatch(id, sessionId, resumeId, match))))))))
        .recover(e -> sessions.failed(pool, userId, "job_match", MiniLm.MODEL_NAME, started, resumeId, e));
  }

  /**
   * The whole analysis of a résumé sent with {@code ai.resume.analyze}: done once per request id (a repeated
   * delivery of a finished request publishes the stored result again), its chunks embedded and stored in place of
   * the résumé's earlier chunks, skills and content analysed, and the outcome published. Work past {@code deadline}
   * stops, and the analysis is published as failed. When the user is deleted while the work runs, nothing is stored
   * or published (the answer is null).
   */
  public Future<AnalysisCompleted> analyzeResume(AnalyzeResume request, Deadline deadline) {
    return sessions.claim(pool, request.requestId(), request.userId(), "resume_analysis", request.resumeId())
        .compose(claimed -> {
          if (claimed.isPresent()) {
            return runAnalysis(request, claimed.get(), deadline).onSuccess(done -> {
              if (done != null) {
                publish(done);
              }
            });
          }
          return sessions.byRequest(pool, request.requestId()).compose(existing -> {
            JsonObject stored = existing.map(e -> e.metadata().getJsonObject("result")).orElse(null);
            if (stored == null) {
              log.info("analysis request {} is already in progress; this delivery is ignored", request.requestId());
              return Future.succeededFuture(null);
            }
            AnalysisCompleted again = AnalysisCompleted.fromJson(stored);
            publish(again);
            return Future.succeededFuture(again);
          });
        });
  }

  private Future<AnalysisCompleted> runAnalysis(AnalyzeResume request, UUID sessionId, Deadline deadline) {
    long started = System.nanoTime();
    String text = request.content() == null ? "" : request.content();
    // the chunks to store
    Future<List<String>> cut = text.isBlank()
        ? Future.failedFuture(new ApiException.Unprocessable("the résumé has no text to analyse"))
        : worker.submit(deadline, d -> Chunks.of(text, CHUNK_WORDS, d));
    return cut.compose(c -> embedder.local(c, deadline).compose(v -> worker.submit(deadline,
                d -> new ResumeWork(c, v.vectors(), skillReport(SkillTaxonomy.shared(), text, d),
                    ContentAnalyzer.analyze(text, Set.of(), d)))
            .compose(work -> {
              AnalysisCompleted completed = completed(request, work, elapsed(started));
              SessionRecorder.Outcome outcome = new SessionRecorder.Outcome(request.userId(), "resume_analysis",
                  v.usage(), elapsed(started), null, request.requestId(), request.resumeId(),
                  new JsonObject().put("chunks", work.chunks().size()).put("result", completed.toJson()));
              return pool.withTransaction(conn -> sessions.finish(conn, sessionId, outcome,
                  () -> embeddings.deleteResumeChunks(conn, request.userId(), request.resumeId())
                      .compose(x -> embeddings.insert(conn, request.userId(), sessionId, MiniLm.MODEL_NAME,
                          chunkRows(request.resumeId(), work)))
                      .compose(x -> analyses.saveSkills(conn, request.userId(), sessionId, request.resumeId(),
                          work.skills(), SkillTaxonomy.shared(), TextFields.sha256(text)))
                      .compose(x -> analyses.saveContent(conn, request.userId(), sessionId, request.resumeId(),
                          work.content()))
                      .map(completed)));
            })))
        .recover(e -> {
          if (e instanceof SessionRecorder.Gone) {
            log.info("the user of résumé {} was deleted while it was analysed (request {}); nothing is stored",
                request.resumeId(), request.requestId());
            return Future.succeededFuture(null);
          }
          log.warn("analysis of résumé {} (request {}) failed: {}", request.resumeId(), request.requestId(),
              e.getMessage());
          AnalysisCompleted failed = new AnalysisCompleted(request.requestId(), request.resumeId(), request.userId(),
              AnalysisCompleted.FAILED, null, null, null, null, null, null, null, MiniLm.MODEL_NAME, elapsed(started),
              e.getMessage());
          SessionRecorder.Outcome outcome = new SessionRecorder.Outcome(request.userId(), "resume_analysis",
              Usage.local(MiniLm.MODEL_NAME, 0, 0), elapsed(started), String.valueOf(e.getMessage()),
              request.requestId(), request.resumeId(), new JsonObject());
          return pool.withTransaction(conn -> sessions.finish(conn, sessionId, outcome,
                  () -> Future.succeededFuture(failed)))
              .recover(gone -> gone instanceof SessionRecorder.Gone ? Future.succeededFuture(null)
                  : Future.failedFuture(gone));
        });
  }

  private static AnalysisCompleted completed(AnalyzeResume request, ResumeWork work, long ms) {
    ContentAnalyzer.Report content = work.content();
    double skillsScore = Math.min(100, Math.round(100.0 * work.skills().found().size() / 15 * 100) / 100.0);
    double overall = Math.round((0.5 * content.overall() + 0.25 * content.ats() + 0.25 * skillsScore) * 100) / 100.0;
    JsonArray skills = new JsonArray();
    work.skills().found().forEach(f -> skills.add(new JsonObject().put("name", f.skill().name())
        .put("category", f.skill().category())));
    JsonArray recommendations = new JsonArray();
    content.findings().stream().filter(f -> "warning".equals(f.getString("severity"))).limit(5)
        .forEach(f -> recommendations.add(f.getString("message")));
    work.skills().recommendations().forEach(recommendations::add);
    JsonObject findings = new JsonObject().put("content", content.toJson())
        .put("primaryCategory", work.skills().primaryCategory()).put("chunks", work.chunks().size());
    return new AnalysisCompleted(request.requestId(), request.resumeId(), request.userId(), AnalysisCompleted.COMPLETED,
        overall, content.ats(), content.overall(), skillsScore, skills, findings, recommendations, MiniLm.MODEL_NAME,
        ms, null);
  }

  private static List<NewEmbedding> chunkRows(UUID resumeId, ResumeWork work) {
    List<NewEmbedding> rows = new ArrayList<>(work.chunks().size());
    for (int i = 0; i < work.chunks().size(); i++) {
      String chunk = work.chunks().get(i);
      rows.add(new NewEmbedding("resume_chunk", resumeId, i, chunk, TextFields.sha256(chunk),
          work.chunkVectors().get(i), new JsonObject()));
    }
    return rows;
  }

  private void publish(AnalysisCompleted completed) {
    vertx.eventBus().publish(Addresses.RESUME_ANALYSIS_COMPLETED, completed.toJson());
  }

  /** The skills of a résumé by phrase, section by section, and the items of its skills lists (no embeddings). */
  public static SkillReport skillReport(SkillTaxonomy taxonomy, String text, Deadline deadline) {
    return SkillReport.of(taxonomy, SkillExtractor.extract(taxonomy, text, deadline));
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
