package org.jobdash.resume;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.BusConsumers;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.resume.analysis.AnalysisService;
import org.jobdash.resume.document.ResumeService;

/**
 * What the résumé service does on the event bus: answers {@code resume.content.get} (every instance), and consumes
 * the published {@code resume.analysis.completed} and {@code user.deleted} (one elected instance, see
 * {@link #registerPublished}).
 */
final class ResumeBusApi {

  private final ResumeService resumes;
  private final AnalysisService analyses;
  private final BusConsumers consumers;

  ResumeBusApi(Vertx vertx, ResumeService resumes, AnalysisService analyses) {
    this.resumes = resumes;
    this.analyses = analyses;
    this.consumers = new BusConsumers(vertx);
  }

  /** The résumé's text, only for its owner; anyone else gets a 404 failure, as if it did not exist. */
  Future<Void> registerRequests() {
    return consumers.answer(Addresses.RESUME_CONTENT_GET, ResumeContent.Query::fromJson,
            query -> resumes.get(query.userId(), query.resumeId()),
            r -> new ResumeContent(r.id(), r.userId(), r.title(), r.content() == null ? "" : r.content()).toJson())
        .completion();
  }

  /** Published events reach every consumer: only one instance per process may register these. */
  Future<Void> registerPublished() {
    return consumers.consume(Addresses.RESUME_ANALYSIS_COMPLETED, body -> body, analyses::completed)
        .userDeleted(ResumeVerticle.SERVICE, resumes::purgeUser)
        .completion();
  }

  Future<Void> unregister() {
    return consumers.unregister();
  }
}
