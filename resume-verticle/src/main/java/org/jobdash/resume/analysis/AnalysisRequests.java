package org.jobdash.resume.analysis;

import io.vertx.core.Vertx;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalyzeResume;

import java.util.UUID;

/**
 * Sends {@code ai.resume.analyze}. The event bus delivers at most once; the request's row keeps its id and time,
 * so that {@link AnalysisSweep} sends it again under the same id when no answer comes.
 */
public final class AnalysisRequests {

  private final Vertx vertx;

  public AnalysisRequests(Vertx vertx) {
    this.vertx = vertx;
  }

  public void send(UUID requestId, UUID resumeId, UUID userId, String title, String content) {
    vertx.eventBus().send(Addresses.AI_RESUME_ANALYZE,
        new AnalyzeResume(requestId, resumeId, userId, title, content == null ? "" : content).toJson());
  }
}
