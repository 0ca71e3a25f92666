package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.analysis.AnalysisService;
import org.jobdash.ai.optimize.OptimizationService;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.AnalyzeResume;
import org.jobdash.common.bus.UserDeletionAck;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.bus.UserDeleted;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the AI service does on the event bus: analyses résumés sent to {@code ai.resume.analyze}, answers
 * {@code ai.resume.optimize}, and — in the one elected instance only, since published events reach every
 * consumer — purges a deleted user's data on {@code user.deleted} and acknowledges it. The work of each request
 * ends by its deadline, counted from the message's arrival.
 */
final class AiBusApi {

  private static final Logger log = LoggerFactory.getLogger(AiBusApi.class);

  private final AnalysisService analyses;
  private final OptimizationService optimizations;
  private final UserDataRepository users;
  private final Duration taskDeadline;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  AiBusApi(AnalysisService analyses, OptimizationService optimizations, UserDataRepository users,
           Duration taskDeadline) {
    this.analyses = analyses;
    this.optimizations = optimizations;
    this.users = users;
    this.taskDeadline = taskDeadline;
  }

  Future<Void> register(Vertx vertx, boolean ownsPublishedEvents) {
    consumers.add(vertx.eventBus().consumer(Addresses.AI_RESUME_ANALYZE, this::analyze));
    consumers.add(vertx.eventBus().consumer(Addresses.AI_RESUME_OPTIMIZE, this::optimize));
    if (ownsPublishedEvents) {
      consumers.add(vertx.eventBus().consumer(Addresses.USER_DELETED, m -> userDeleted(vertx, m)));
    }
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private void analyze(Message<JsonObject> message) {
    AnalyzeResume request;
    try {
      request = AnalyzeResume.fromJson(message.body());
    } catch (RuntimeException e) {
      log.warn("ignoring a malformed {} message: {}", Addresses.AI_RESUME_ANALYZE, e.toString());
      return;
    }
    analyses.analyzeResume(request, Deadline.after(taskDeadline))
        .onFailure(e -> log.warn("analysis request {} could not be recorded: {}", request.requestId(), e.toString()));
  }

  private void optimize(Message<JsonObject> message) {
    OptimizeResume request;
    try {
      request = OptimizeResume.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(400, "malformed " + Addresses.AI_RESUME_OPTIMIZE + " request: " + e.getMessage());
      return;
    }
    if (request.content() == null || request.content().isBlank()) {
      message.fail(400, "content must not be blank");
      return;
    }
    optimizations.optimize(new OptimizationService.Request(request.userId(), request.requestId(), request.resumeId(),
            request.content(), request.jobDescription(), request.templateId(), request.targetRole()),
            Deadline.after(taskDeadline))
        .onSuccess(outcome -> message.reply(outcome.result().toJson()))
        .onFailure(e -> {
          ApiException problem = e instanceof ApiException api ? api : new ApiException.Unavailable(e.getMessage());
          message.fail(problem.status(), problem.detail());
        });
  }

  private void userDeleted(Vertx vertx, Message<JsonObject> message) {
    UserDeleted event;
    try {
      event = UserDeleted.fromJson(message.body());
    } catch (RuntimeException e) {
      log.warn("ignoring a malformed {} message: {}", Addresses.USER_DELETED, e.toString());
      return;
    }
    users.purge(event.userId())
        .onSuccess(removed -> {
          log.info("purged {} rows of deleted user {}", removed, event.userId());
          vertx.eventBus().send(Addresses.USER_DELETION_ACK,
              new UserDeletionAck(event.userId(), AiVerticle.SERVICE, removed).toJson());
        })
        .onFailure(e -> log.warn("purging deleted user {} failed: {}", event.userId(), e.toString()));
  }
}
