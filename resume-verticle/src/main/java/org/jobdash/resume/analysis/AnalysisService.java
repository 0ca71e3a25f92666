package org.jobdash.resume.analysis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.AnalysisCompleted;
import org.jobdash.common.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/** Stores the AI service's analyses ({@code resume.analysis.completed}) and serves them to the résumé's owner. */
public final class AnalysisService {

  private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
  private static final int MAX_LISTED = 100;

  /** A résumé's analyses, newest first, with the seed's summary of them. */
  public record Analyses(List<Analysis> items, AnalysisSummary summary) {

    public JsonObject toJson() {
      JsonArray list = new JsonArray();
      items.forEach(a -> list.add(a.toJson()));
      return new JsonObject().put("items", list).put("summary", summary.toJson());
    }
  }

  private final AnalysisRepository analyses;

  public AnalysisService(AnalysisRepository analyses) {
    this.analyses = analyses;
  }

  /**
   * Stores one answer. A repeated answer (same request id) changes nothing; an answer about a résumé that does
   * not exist or is not that user's is dropped; an answer that breaks the contract is logged and dropped.
   */
  public Future<AnalysisRepository.Recorded> completed(JsonObject message) {
    AnalysisCompleted event;
    try {
      event = AnalysisCompleted.fromJson(message);
    } catch (RuntimeException e) {
      log.warn("dropped a malformed resume.analysis.completed: {}", e.toString());
      return Future.succeededFuture(new AnalysisRepository.Recorded(false, false));
    }
    String problem = contractProblem(event);
    if (problem != null) {
      log.warn("dropped resume.analysis.completed for request {}: {}", event.requestId(), problem);
      return Future.succeededFuture(new AnalysisRepository.Recorded(false, false));
    }
    return analyses.record(event, message).onSuccess(r -> {
      if (!r.stored()) {
        log.debug("analysis {} of résumé {} was already stored or the résumé is gone", event.requestId(),
            event.resumeId());
      } else if (!r.applied()) {
        log.debug("analysis {} of résumé {} answers an older text: kept as history only", event.requestId(),
            event.resumeId());
      }
    });
  }

  /** Why an answer breaks the contract of {@code resume.analysis.completed}, or null when it keeps it. */
  static String contractProblem(AnalysisCompleted e) {
    if (!AnalysisCompleted.COMPLETED.equals(e.status()) && !AnalysisCompleted.FAILED.equals(e.status())) {
      return "status must be completed or failed, not " + e.status();
    }
    for (Double score : new Double[] {e.overallScore(), e.atsScore(), e.contentScore(), e.skillsScore()}) {
      if (score != null && !(score >= 0 && score <= 100)) {
        return "scores must be between 0 and 100";
      }
    }
    return null;
  }

  public Future<Analyses> ofResume(UUID userId, UUID resumeId) {
    return analyses.summary(resumeId, userId).compose(summary -> summary.isEmpty()
        ? Future.failedFuture(new ApiException.NotFound("No such résumé"))
        : analyses.ofResume(resumeId, userId, MAX_LISTED).map(items -> new Analyses(items, summary.get())));
  }
}
