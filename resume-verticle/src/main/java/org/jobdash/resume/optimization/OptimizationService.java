package org.jobdash.resume.optimization;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.http.ApiException;
import org.jobdash.resume.analysis.AnalysisRequests;
import org.jobdash.resume.version.SectionChange;
import org.jobdash.resume.version.SectionDiff;
import org.jobdash.resume.version.VersionWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Optimisations: a {@code pending} row, then an {@code ai.resume.optimize} request with a timeout; the reply becomes
 * the résumé's next version (source {@code ai}) and completes the row in one transaction; a failure or a timeout
 * marks the row {@code failed} with the reason. Feedback: one per user and optimisation.
 */
public final class OptimizationService {

  private static final Logger log = LoggerFactory.getLogger(OptimizationService.class);
  private static final Set<String> CHANGE_TYPES = Set.of(SectionChange.ADDED, SectionChange.REMOVED,
      SectionChange.MODIFIED);
  private static final int MAX_SECTION = 100;
  private static final int MAX_REASON = 2000;

  /** What the client asked for. */
  public record Request(String type, String jobDescription, String targetRole, UUID templateId) {}

  private record Applied(UUID resumeId, UUID userId, String title, String content) {}

  private final Vertx vertx;
  private final Pool pool;
  private final OptimizationRepository optimizations;
  private final VersionWriter writer;
  private final AnalysisRequests analyses;
  private final long timeoutMs;
  private final int maxContentChars;

  public OptimizationService(Vertx vertx, Pool pool, OptimizationRepository optimizations, VersionWriter writer,
                             AnalysisRequests analyses, long timeoutMs, int maxContentChars) {
    this.vertx = vertx;
    this.pool = pool;
    this.optimizations = optimizations;
    this.writer = writer;
    this.analyses = analyses;
    this.timeoutMs = timeoutMs;
    this.maxContentChars = maxContentChars;
  }

  /** Records the request ({@code pending}) and starts it; the answer arrives later and completes the row. */
  public Future<Optimization> request(UUID userId, UUID resumeId, Request r) {
    return optimizations.create(resumeId, userId, r.type(), r.jobDescription(), r.targetRole(), r.templateId())
        .map(found -> found.orElseThrow(() -> new ApiException.NotFound("No such résumé")))
        .compose(created -> optimizations.find(created.id(), userId)
            .map(Optional::orElseThrow)
            .onSuccess(row -> process(new OptimizeResume(created.id(), resumeId, userId, created.content(),
                r.jobDescription(), r.templateId(), r.targetRole()))));
  }

  private void process(OptimizeResume ask) {
    UUID id = ask.requestId();
    optimizations.start(id)
        .compose(v -> Bus.request(vertx, Addresses.AI_RESUME_OPTIMIZE, ask.toJson(), timeoutMs))
        .compose(reply -> complete(id, parse(id, reply)))
        .recover(e -> {
          log.info("optimisation {} failed: {}", id, e.getMessage());
          return optimizations.fail(id, reason(e)).map(false);
        })
        .onFailure(e -> log.error("the outcome of optimisation {} could not be recorded: {}", id, e.toString()));
  }

  private OptimizationResult parse(UUID id, JsonObject reply) {
    OptimizationResult result;
    try {
      result = OptimizationResult.fromJson(reply);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the AI service's reply is malformed: " + e.getMessage());
    }
    if (!id.equals(result.requestId())) {
      throw new IllegalArgumentException("the AI service answered request " + result.requestId() + " instead");
    }
    if (result.optimizedContent() == null || result.optimizedContent().isBlank()) {
      throw new IllegalArgumentException("the AI service returned no content");
    }
    if (result.optimizedContent().length() > maxContentChars || result.optimizedContent().indexOf('\u0000') >= 0) {
      throw new IllegalArgumentException("the AI service returned content that cannot be stored");
    }
    if (!isScore(result.scoreBefore()) || !isScore(result.scoreAfter())) {
      throw new IllegalArgumentException("the AI service returned scores outside 0-100");
    }
    return result;
  }

  private static boolean isScore(double s) {
    return s >= 0 && s <= 100;
  }

  /**
   * Applies a reply: the new version and the completed row, in one transaction. A row that is no longer open (a
   * repeated reply, or one after a failure) is left as it is; returns whether the reply was applied.
   */
  public Future<Boolean> complete(UUID id, OptimizationResult result) {
    UUID analysisId = UUID.randomUUID();
    return pool.withTransaction(conn -> optimizations.lock(conn, id).compose(found -> {
          if (found.isEmpty() || !found.get().open()) {
            return Future.succeededFuture(Optional.<Applied>empty());
          }
          OptimizationRepository.Locked row = found.get();
          return writer.lock(conn, row.resumeId(), row.userId()).compose(current -> {
            VersionWriter.Current before = current.orElseThrow(() -> new IllegalStateException("résumé gone"));
            String content = result.optimizedContent();
            List<SectionChange> changes = changesOf(result.changes());
            if (changes.isEmpty()) {
              changes = SectionDiff.between(before.content(), content);
            }
            JsonObject summary = new JsonObject().put("optimization_id", id.toString()).put("model", result.model())
                .put("score_before", result.scoreBefore()).put("score_after", result.scoreAfter());
            return writer.write(conn, new VersionWriter.NewContent(row.resumeId(), content, "ai", "AI optimisation",
                    "Optimised by " + (result.model() == null ? "the AI service" : result.model()), summary, changes,
                    analysisId))
                .compose(created -> optimizations.complete(conn, id, new OptimizationRepository.Outcome(
                    result.scoreBefore(), result.scoreAfter(), result.changes(), created.versionId(), result.model(),
                    result.templateId(), result.processingTimeMs())))
                .map(v -> Optional.of(new Applied(row.resumeId(), row.userId(), before.title(), content)));
          });
        }))
        .onSuccess(applied -> applied.ifPresent(a -> analyses.send(analysisId, a.resumeId(), a.userId(), a.title(),
            a.content())))
        .map(Optional::isPresent);
  }

  /** The AI service's change list as version changes; unknown change types count as modifications. */
  private static List<SectionChange> changesOf(JsonArray changes) {
    List<SectionChange> out = new ArrayList<>();
    for (Object item : changes == null ? new JsonArray() : changes) {
      if (!(item instanceof JsonObject c)) {
        continue;
      }
      String section = c.getValue("section") instanceof String s && !s.isBlank() ? s.strip() : "content";
      String type = c.getValue("changeType") instanceof String t && CHANGE_TYPES.contains(t) ? t : SectionChange.MODIFIED;
      out.add(new SectionChange(section.length() > MAX_SECTION ? section.substring(0, MAX_SECTION) : section, type,
          c.getValue("oldValue") instanceof String o ? o : null, c.getValue("newValue") instanceof String n ? n : null));
    }
    return out;
  }

  private static String reason(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) : message;
  }

  public Future<Optimization> get(UUID userId, UUID id) {
    return optimizations.find(id, userId)
        .map(found -> found.orElseThrow(() -> new ApiException.NotFound("No such optimisation")));
  }

  public Future<List<Optimization>> ofResume(UUID userId, UUID resumeId) {
    return optimizations.ofResume(resumeId, userId).compose(list -> list.isEmpty()
        ? optimizations.ownsResume(resumeId, userId).compose(owned -> owned
            ? Future.succeededFuture(list)
            : Future.failedFuture(new ApiException.NotFound("No such résumé")))
        : Future.succeededFuture(list));
  }

  /** One feedback per user and optimisation: a second is a 409. */
  public Future<OptimizationRepository.Feedback> feedback(UUID userId, UUID id, Integer rating, Boolean helpful,
                                                          String comment) {
    return optimizations.addFeedback(id, userId, rating, helpful, comment).compose(saved -> saved.isPresent()
        ? Future.succeededFuture(saved.get())
        : optimizations.owns(id, userId).compose(owned -> Future.failedFuture(owned
            ? new ApiException.Conflict("You already gave feedback on this optimisation")
            : new ApiException.NotFound("No such optimisation"))));
  }

  /** Fails optimisations whose request cannot be answered any more (started before a restart). */
  public Future<Integer> failStale() {
    return optimizations.failStale(Math.max(60, 2 * timeoutMs / 1000));
  }
}
