package org.jobdash.ai.analysis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.ai.TextFields;
import org.jobdash.ai.embedding.EmbeddingRepository;
import org.jobdash.ai.embedding.NewEmbedding;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.model.TextEmbedder;
import org.jobdash.ai.optimize.OptimizationService;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.Usage;
import org.jobdash.ai.skills.SkillReport;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.bus.AnalyzeResume;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Skill, content and job-match analyses and the whole analysis of a résumé sent over the event bus. Embedding
 * goes through the batcher, matching and scoring run on the inference worker, and each result is stored with
 * its session in one transaction.
 */
public final class AnalysisService {

  private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
  static final int CHUNK_WORDS = 120;
  static final int MAX_SEGMENTS = 48;

  /** A stored skill analysis. */
  public record Skills(UUID id, UUID sessionId, SkillReport report) {}

  /** A stored content analysis. */
  public record Content(UUID id, UUID sessionId, ContentAnalyzer.Report report) {}

  /** A stored job match. */
  public record JobMatch(UUID id, UUID sessionId, UUID resumeId, JobMatcher.Match match) {}

  private record ResumeWork(List<String> chunks, List<float[]> chunkVectors, SkillReport skills,
                            ContentAnalyzer.Report content) {}

  private final Vertx vertx;
  private final Pool pool;
  private final AnalysisRepository analyses;
  private final EmbeddingRepository embeddings;
  private final SessionRecorder sessions;
  private final TextEmbedder embedder;
  private final BoundedWorker worker;
  private final long resumeContentTimeoutMs;

  public AnalysisService(Vertx vertx, Pool pool, AnalysisRepository analyses, EmbeddingRepository embeddings,
                         SessionRecorder sessions, TextEmbedder embedder, BoundedWorker worker,
                         long resumeContentTimeoutMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.analyses = analyses;
    this.embeddings = embeddings;
    this.sessions = sessions;
    this.embedder = embedder;
    this.worker = worker;
    this.resumeContentTimeoutMs = resumeContentTimeoutMs;
  }

  public Future<Skills> skills(UUID userId, String text) {
    long started = System.nanoTime();
    List<String> segments = Chunks.segments(text, MAX_SEGMENTS);
    return embed(segments).compose(vectors -> worker.submit(() -> skillReport(text, segments, vectors.vectors()))
        .compose(report -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                "skill_analysis", vectors.usage(), elapsed(started), null, null, null,
                new JsonObject().put("skills", report.found().size())),
            sessionId -> analyses.saveSkills(conn, userId, sessionId, null, report, SkillTaxonomy.shared(),
                    TextFields.sha256(text))
                .map(id -> new Skills(id, sessionId, report))))))
        .recover(e -> sessions.failed(pool, userId, "skill_analysis", MiniLm.MODEL_NAME, started, null, e));
  }

  public Future<Content> content(UUID userId, String text) {
    long started = System.nanoTime();
    return worker.submit(() -> ContentAnalyzer.analyze(text, Set.of()))
        .compose(report -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                "content_analysis", Usage.local(OptimizationService.LOCAL_MODEL, 0, 0),
                elapsed(started), null, null, null, new JsonObject().put("findings", report.findings().size())),
            sessionId -> analyses.saveContent(conn, userId, sessionId, null, report)
                .map(id -> new Content(id, sessionId, report)))))
        .recover(e -> sessions.failed(pool, userId, "content_analysis", OptimizationService.LOCAL_MODEL, started, null,
            e));
  }

  /** Matches a résumé (given, or fetched from the résumé service for its owner) against a job description. */
  public Future<JobMatch> jobMatch(UUID userId, UUID resumeId, String resumeText, String job, String jobTitle) {
    long started = System.nanoTime();
    Future<String> resume = resumeId == null ? Future.succeededFuture(resumeText)
        : Bus.request(vertx, Addresses.RESUME_CONTENT_GET, ResumeContent.request(resumeId, userId),
                resumeContentTimeoutMs)
            .map(ResumeContent::fromJson)
            .map(content -> {
              if (!content.userId().equals(userId) || !content.resumeId().equals(resumeId)) {
                throw new ApiException.NotFound("No such résumé");
              }
              if (content.content() == null || content.content().isBlank()) {
                throw new ApiException.Unprocessable("The résumé has no text to match yet");
              }
              return content.content();
            });
    return resume.compose(text -> {
      List<String> resumeChunks = Chunks.of(text, CHUNK_WORDS);
      List<String> jobChunks = Chunks.of(job, CHUNK_WORDS);
      List<String> all = new ArrayList<>(resumeChunks);
      all.addAll(jobChunks);
      return embedder.local(all).compose(vectors -> worker.submit(() -> JobMatcher.match(SkillTaxonomy.shared(), text,
              job, vectors.vectors().subList(0, resumeChunks.size()),
              vectors.vectors().subList(resumeChunks.size(), all.size())))
          .compose(match -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                  "job_match", vectors.usage(), elapsed(started), null, null, resumeId,
                  new JsonObject().put("score", match.score())),
              sessionId -> analyses.saveMatch(conn, userId, sessionId, resumeId, TextFields.sha256(text),
                      jobTitle, job, match)
                  .map(id -> new JobMatch(id, sessionId, resumeId, match))))));
    }).recover(e -> sessions.failed(pool, userId, "job_match", MiniLm.MODEL_NAME, started, resumeId, e));
  }

  /**
   * The whole analysis of a résumé sent with {@code ai.resume.analyze}: done once per request id (a repeated
   * delivery of a finished request publishes the stored result again), its chunks embedded and stored in place of
   * the résumé's earlier chunks, skills and content analysed, and the outcome published.
   */
  public Future<AnalysisCompleted> analyzeResume(AnalyzeResume request) {
    return sessions.claim(pool, request.requestId(), request.userId(), "resume_analysis", request.resumeId())
        .compose(claimed -> {
          if (claimed.isPresent()) {
            return runAnalysis(request, claimed.get()).onSuccess(this::publish);
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

  private Future<AnalysisCompleted> runAnalysis(AnalyzeResume request, UUID sessionId) {
    long started = System.nanoTime();
    String text = request.content() == null ? "" : request.content();
    List<String> chunks = Chunks.of(text, CHUNK_WORDS);
    List<String> segments = Chunks.segments(text, MAX_SEGMENTS);
    List<String> all = new ArrayList<>(chunks);
    all.addAll(segments);
    Future<TextEmbedder.Vectors> vectors = text.isBlank()
        ? Future.failedFuture(new ApiException.Unprocessable("the résumé has no text to analyse"))
        : embedder.local(all);
    return vectors.compose(v -> worker.submit(() -> new ResumeWork(chunks, v.vectors().subList(0, chunks.size()),
                skillReport(text, segments, v.vectors().subList(chunks.size(), all.size())),
                ContentAnalyzer.analyze(text, Set.of())))
            .compose(work -> {
              AnalysisCompleted completed = completed(request, work, elapsed(started));
              SessionRecorder.Outcome outcome = new SessionRecorder.Outcome(request.userId(), "resume_analysis",
                  v.usage(), elapsed(started), null, request.requestId(), request.resumeId(),
                  new JsonObject().put("chunks", chunks.size()).put("result", completed.toJson()));
              return pool.withTransaction(conn -> embeddings.deleteResumeChunks(conn, request.userId(),
                      request.resumeId())
                  .compose(x -> embeddings.insert(conn, request.userId(), sessionId, MiniLm.MODEL_NAME,
                      chunkRows(request.resumeId(), work)))
                  .compose(x -> analyses.saveSkills(conn, request.userId(), sessionId, request.resumeId(),
                      work.skills(), SkillTaxonomy.shared(), TextFields.sha256(text)))
                  .compose(x -> analyses.saveContent(conn, request.userId(), sessionId, request.resumeId(),
                      work.content()))
                  .compose(x -> sessions.finish(conn, sessionId, outcome))
                  .map(completed));
            }))
        .recover(e -> {
          log.warn("analysis of résumé {} (request {}) failed: {}", request.resumeId(), request.requestId(),
              e.getMessage());
          AnalysisCompleted failed = new AnalysisCompleted(request.requestId(), request.resumeId(), request.userId(),
              AnalysisCompleted.FAILED, null, null, null, null, null, null, null, MiniLm.MODEL_NAME, elapsed(started),
              e.getMessage());
          return sessions.finish(pool, sessionId, new SessionRecorder.Outcome(request.userId(), "resume_analysis",
                  Usage.local(MiniLm.MODEL_NAME, 0, 0), elapsed(started), String.valueOf(e.getMessage()),
                  request.requestId(), request.resumeId(), new JsonObject()))
              .map(failed);
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

  private Future<TextEmbedder.Vectors> embed(List<String> segments) {
    return segments.isEmpty()
        ? Future.succeededFuture(new TextEmbedder.Vectors(List.of(), MiniLm.MODEL_NAME, Usage.local(MiniLm.MODEL_NAME,
            0, 0)))
        : embedder.local(segments);
  }

  private static SkillReport skillReport(String text, List<String> segments, List<float[]> vectors) {
    SkillTaxonomy taxonomy = SkillTaxonomy.shared();
    List<SkillTaxonomy.Found> found = new ArrayList<>(taxonomy.findByPhrase(text));
    found.addAll(taxonomy.findBySimilarity(segments, vectors, found));
    return SkillReport.of(taxonomy, found);
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
