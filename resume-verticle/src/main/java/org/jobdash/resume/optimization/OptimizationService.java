package org.jobdash.resume.optimization;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.analysis.AnalysisRequests;
import org.jobdash.resume.version.SectionChange;
import org.jobdash.resume.version.SectionChanges;
import org.jobdash.resume.version.VersionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Optimisations: a {@code pending} row, then an {@code ai.resume.optimize} request with a timeout; the reply becomes
 * the résumé's next version (source {@code ai}) and completes the row in one transaction; a failure or a timeout
 * marks the row {@code failed} with the reason. Feedback: one per user and optimisation.
 */
public final class OptimizationService {

  private static final Logger log = LoggerFactory.getLogger(OptimizationService.class);

  /** What the client asked for. */
  public record Request(String type, String jobDescription, String targetRole, UUID templateId) {}

  private record Applied(UUID resumeId, UUID userId, String title, String content) {}

  private final Vertx vertx;
  private final Pool pool;
  private final OptimizationRepository optimizations;
  private final VersionRepository versions;
  private final BoundedWorker worker;
  private final SectionChanges sectionChanges;
  private final AnalysisRequests analyses;
  private final long timeoutMs;
  private final int maxContentChars;
  private final Duration processingTimeout;

  /**
   * @param timeoutMs         how long the AI service has to answer
   * @param processingTimeout how long the text work on its answer (checks, section changes) may take
   */
  public OptimizationService(Vertx vertx, Pool pool, OptimizationRepository optimizations, VersionRepository versions,
                             BoundedWorker worker, SectionChanges sectionChanges, AnalysisRequests analyses,
                             long timeoutMs, int maxContentChars, Duration processingTimeout) {
    this.vertx = vertx;
    this.pool = pool;
    this.optimizations = optimizations;
    this.versions = versions;
    this.worker = worker;
    this.sectionChanges = sectionChanges;
    this.analyses = analyses;
    this.timeoutMs = timeoutMs;
    this.maxContentChars = maxContentChars;
    this.processingTimeout = processingTimeout;
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
        .compose(reply -> complete(id, OptimizationReplies.accepted(id, reply, maxContentChars)))
        .recover(e -> {
          log.info("optimisation {} failed: {}", id, e.getMessage());
          return optimizations.fail(id, OptimizationReplies.reason(e)).map(false);
        })
        .onFailure(e -> log.error("the outcome of optimisation {} could not be recorded: {}", id, e.toString()));
  }

  /**
   * Applies a reply: the new version and the completed row, in one transaction. A row that is no longer open (a
   * repeated reply, or one after a failure) is left as it is; returns whether the reply was applied. The text work
   * (checking the content, section changes when the reply lists none) runs on the files worker before the
   * transaction; the transaction computes the changes again only if the résumé changed in between.
   */
  public Future<Boolean> complete(UUID id, OptimizationResult result) {
    UUID analysisId = UUID.randomUUID();
    Deadline deadline = Deadline.after(processingTimeout);
    List<SectionChange> listed = OptimizationReplies.versionChanges(result.changes());
    return optimizations.state(pool, id)
        .compose(found -> isOpen(found)
            ? plan(found.get(), result.optimizedContent(), listed, deadline).map(Optional::of)
            : Future.succeededFuture(Optional.<SectionChanges.Planned>empty()))
        .compose(planned -> planned.isEmpty()
            ? Future.succeededFuture(Optional.<Applied>empty())
            : pool.withTransaction(conn -> optimizations.lock(conn, id).compose(locked -> isOpen(locked)
                ? apply(conn, id, locked.get(), result, listed.isEmpty(), planned.get(), deadline, analysisId)
                : Future.succeededFuture(Optional.<Applied>empty()))))
        .onSuccess(applied -> applied.ifPresent(a -> analyses.send(analysisId, a.resumeId(), a.userId(), a.title(),
            a.content())))
        .map(Optional::isPresent);
  }

  private static boolean isOpen(Optional<OptimizationRepository.Locked> row) {
    return row.isPresent() && row.get().open();
  }

  /**
   * Inside the transaction that holds the optimisation's row lock: locks the résumé, takes the planned changes (or,
   * when they were computed and the résumé changed since, computes them again), writes the version and completes
   * the row.
   */
  private Future<Optional<Applied>> apply(SqlConnection conn, UUID id, OptimizationRepository.Locked row,
                                          OptimizationResult result, boolean computed, SectionChanges.Planned planned,
                                          Deadline deadline, UUID analysisId) {
    String content = result.optimizedContent();
    return versions.lockCurrent(conn, row.resumeId(), row.userId()).compose(current -> {
      VersionRepository.Current before = current.orElseThrow(() -> new IllegalStateException("résumé gone"));
      Future<SectionChanges.Planned> changes = computed
          ? sectionChanges.forLocked(planned, before.version(), before.content(), content, deadline)
          : Future.succeededFuture(planned);
      JsonObject summary = new JsonObject().put("optimization_id", id.toString()).put("model", result.model())
          .put("score_before", result.scoreBefore()).put("score_after", result.scoreAfter());
      String notes = "Optimised by " + (result.model() == null ? "the AI service" : result.model());
      return changes
          .compose(c -> versions.write(conn, new VersionRepository.NewContent(row.resumeId(), content, "ai",
              "AI optimisation", notes, summary, c.changes(), analysisId)))
          .compose(created -> optimizations.complete(conn, id, new OptimizationRepository.Outcome(
              result.scoreBefore(), result.scoreAfter(), result.changes(), created.versionId(), result.model(),
              result.templateId(), result.processingTimeMs())))
          .map(v -> Optional.of(new Applied(row.resumeId(), row.userId(), before.title(), content)));
    });
  }

  /**
   * On the worker: refuses text that cannot be stored (in the content or the listed changes), and takes the changes
   * the reply lists or else computes them against the résumé as it is now.
   */
  private Future<SectionChanges.Planned> plan(OptimizationRepository.Locked row, String content,
                                              List<SectionChange> listed, Deadline deadline) {
    return versions.current(pool, row.resumeId(), row.userId())
        .map(current -> current.orElseThrow(() -> new IllegalStateException("résumé gone")))
        .compose(before -> worker.submit(deadline, d -> {
          if (!OptimizationReplies.storable(content, listed)) {
            throw new IllegalArgumentException("the AI service returned text that cannot be stored");
          }
          return before;
        }))
        .compose(before -> listed.isEmpty()
            ? sectionChanges.plan(before.version(), before.content(), content, deadline)
            : Future.succeededFuture(new SectionChanges.Planned(before.version(), false, listed)));
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
  public Future<Feedback> feedback(UUID userId, UUID id, Integer rating, Boolean helpful, String comment) {
    return optimizations.addFeedback(id, userId, rating, helpful, comment).compose(saved -> saved.isPresent()
        ? Future.succeededFuture(saved.get())
        : optimizations.owns(id, userId).compose(owned -> Future.failedFuture(owned
            ? new ApiException.Conflict("You already gave feedback on this optimisation")
            : new ApiException.NotFound("No such optimisation"))));
  }

  /** Fails optimisations whose request cannot be answered any more (started before a restart). */
  public Future<Integer> failStale() {
    return optimizations.failStale(OptimizationReplies.staleAfterSeconds(timeoutMs));
  }
}
