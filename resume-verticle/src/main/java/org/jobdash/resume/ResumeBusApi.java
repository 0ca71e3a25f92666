package org.jobdash.resume;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.UserDeletionAck;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.common.bus.UserDeleted;
import org.jobdash.common.http.ApiException;
import org.jobdash.resume.analysis.AnalysisService;
import org.jobdash.resume.document.Resume;
import org.jobdash.resume.document.ResumeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the résumé service does on the event bus: answers {@code resume.content.get} (every instance), and consumes
 * the published {@code resume.analysis.completed} and {@code user.deleted} (one elected instance, see
 * {@link #registerPublished}).
 */
final class ResumeBusApi {

  private static final Logger log = LoggerFactory.getLogger(ResumeBusApi.class);

  private final Vertx vertx;
  private final ResumeService resumes;
  private final AnalysisService analyses;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  ResumeBusApi(Vertx vertx, ResumeService resumes, AnalysisService analyses) {
    this.vertx = vertx;
    this.resumes = resumes;
    this.analyses = analyses;
  }

  Future<Void> registerRequests() {
    return register(Addresses.RESUME_CONTENT_GET, this::content);
  }

  /** Published events reach every consumer: only one instance per process may register these. */
  Future<Void> registerPublished() {
    return register(Addresses.RESUME_ANALYSIS_COMPLETED, this::analysisCompleted)
        .compose(v -> register(Addresses.USER_DELETED, this::userDeleted));
  }

  private Future<Void> register(String address, Handler<Message<JsonObject>> handler) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, handler);
    consumers.add(consumer);
    return consumer.completion();
  }

  Future<Void> unregister() {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /** The résumé's text, only for its owner; anyone else gets a 404 failure, as if it did not exist. */
  private void content(Message<JsonObject> message) {
    UUID resumeId;
    UUID userId;
    try {
      resumeId = UUID.fromString(message.body().getString("resumeId"));
      userId = UUID.fromString(message.body().getString("userId"));
    } catch (RuntimeException e) {
      message.fail(400, "resumeId and userId must be UUIDs");
      return;
    }
    resumes.get(userId, resumeId).onComplete(result -> {
      if (result.succeeded()) {
        Resume r = result.result();
        message.reply(new ResumeContent(r.id(), r.userId(), r.title(), r.content() == null ? "" : r.content()).toJson());
      } else if (result.cause() instanceof ApiException api && api.status() == 404) {
        message.fail(404, "no such résumé");
      } else {
        log.warn("resume.content.get for {} failed: {}", resumeId, result.cause().toString());
        message.fail(503, "the résumé service cannot read résumés right now");
      }
    });
  }

  private void analysisCompleted(Message<JsonObject> message) {
    analyses.completed(message.body())
        .onFailure(e -> log.error("could not store an analysis ({}); the sweep will ask for it again", e.toString()));
  }

  private void userDeleted(Message<JsonObject> message) {
    UserDeleted event;
    try {
      event = UserDeleted.fromJson(message.body());
    } catch (RuntimeException e) {
      log.warn("dropped a malformed user.deleted: {}", e.toString());
      return;
    }
    resumes.purgeUser(event.userId())
        .onSuccess(count -> {
          log.info("user {} deleted: removed {} résumé(s) and their files", event.userId(), count);
          vertx.eventBus().send(Addresses.USER_DELETION_ACK,
              new UserDeletionAck(event.userId(), ResumeVerticle.SERVICE, count).toJson());
        })
        .onFailure(e -> log.error("could not purge deleted user {}: {}", event.userId(), e.toString()));
  }
}
