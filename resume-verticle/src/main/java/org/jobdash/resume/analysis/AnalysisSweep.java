package org.jobdash.resume.analysis;

import io.vertx.core.Future;
import org.jobdash.resume.ResumeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code ai.resume.analyze} again, under the same request id, for résumés still {@code pending} longer than
 * {@code analysis.resendAfterSeconds}, and gives up ({@code failed}) after {@code analysis.maxAttempts} requests:
 * a lost message delays an analysis, it does not lose it. Runs in one elected instance.
 */
public final class AnalysisSweep {

  private static final Logger log = LoggerFactory.getLogger(AnalysisSweep.class);

  private final AnalysisRepository analyses;
  private final AnalysisRequests requests;
  private final ResumeConfig.Analysis settings;
  private boolean running;

  public AnalysisSweep(AnalysisRepository analyses, AnalysisRequests requests, ResumeConfig.Analysis settings) {
    this.analyses = analyses;
    this.requests = requests;
    this.settings = settings;
  }

  /** One pass; a pass still running when the next is due is not overlapped. */
  public Future<Integer> run() {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    return analyses.giveUp(settings.resendAfter(), settings.maxAttempts())
        .onSuccess(failed -> {
          if (failed > 0) {
            log.warn("{} résumé analyses got no answer after {} requests and are marked failed", failed,
                settings.maxAttempts());
          }
        })
        .compose(v -> analyses.claimDue(settings.resendAfter(), settings.maxAttempts(), settings.sweepBatch()))
        .map(due -> {
          due.forEach(d -> requests.send(d.requestId(), d.resumeId(), d.userId(), d.title(), d.content()));
          if (!due.isEmpty()) {
            log.info("sent {} unanswered résumé analyses again", due.size());
          }
          return due.size();
        })
        .onComplete(done -> running = false);
  }
}
