package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.analysis.AnalysisService;
import org.jobdash.ai.optimize.OptimizationService;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalyzeResume;
import org.jobdash.common.bus.BusConsumers;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.work.Deadline;

import java.time.Duration;

/**
 * What the AI service does on the event bus: analyses résumés sent to {@code ai.resume.analyze}, answers
 * {@code ai.resume.optimize}, and — in the one elected instance only, since published events reach every
 * consumer — purges a deleted user's data on {@code user.deleted} and acknowledges it. The work of each request
 * ends by its deadline, counted from the message's arrival.
 */
final class AiBusApi {

  private final AnalysisService analyses;
  private final OptimizationService optimizations;
  private final UserDataRepository users;
  private final Duration taskDeadline;

  AiBusApi(AnalysisService analyses, OptimizationService optimizations, UserDataRepository users,
           Duration taskDeadline) {
    this.analyses = analyses;
    this.optimizations = optimizations;
    this.users = users;
    this.taskDeadline = taskDeadline;
  }

  Future<Void> register(Vertx vertx, boolean ownsPublishedEvents) {
    BusConsumers consumers = new BusConsumers(vertx)
        .consume(Addresses.AI_RESUME_ANALYZE, AnalyzeResume::fromJson,
            request -> analyses.analyzeResume(request, Deadline.after(taskDeadline)))
        .answer(Addresses.AI_RESUME_OPTIMIZE, AiBusApi::optimizeRequest, this::optimize, OptimizationResult::toJson);
    if (ownsPublishedEvents) {
      consumers.userDeleted(AiVerticle.SERVICE, users::purge);
    }
    return consumers.completion();
  }

  private static OptimizeResume optimizeRequest(JsonObject body) {
    OptimizeResume request = OptimizeResume.fromJson(body);
    if (request.content() == null || request.content().isBlank()) {
      throw new IllegalArgumentException("content must not be blank");
    }
    return request;
  }

  private Future<OptimizationResult> optimize(OptimizeResume request) {
    return optimizations.optimize(new OptimizationService.Request(request.userId(), request.requestId(),
            request.resumeId(), request.content(), request.jobDescription(), request.templateId(),
            request.targetRole()), Deadline.after(taskDeadline))
        .map(outcome -> outcome.result());
  }
}
