package org.jobdash.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event-bus consumers of one verticle instance, registered the same way in every service: a message is decoded
 * into a record, handled by a method returning a {@code Future}, and the reply is encoded once; a failure is
 * mapped once to {@code message.fail(code, detail)}, the reverse of how {@link Bus#request} maps it back.
 */
public final class BusConsumers {

  private static final Logger log = LoggerFactory.getLogger(BusConsumers.class);

  /**
   * What a failed request answers: the status a client of the sender should see, and the problem itself (type,
   * title, detail, field errors), which {@link Bus#request} gives back to the sender as the same problem.
   */
  public record Failure(int code, String type, String title, String detail, List<ApiException.FieldError> errors) {

    /** The reply's failure message: the problem as JSON. */
    public String message() {
      JsonObject json = new JsonObject().put("type", type).put("title", title).put("detail", detail);
      if (!errors.isEmpty()) {
        json.put("errors", new io.vertx.core.json.JsonArray(errors.stream()
            .map(e -> new JsonObject().put("field", e.field()).put("message", e.message())).toList()));
      }
      return json.encode();
    }
  }

  private final Vertx vertx;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public BusConsumers(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Answers requests to {@code address}: a body {@code decode} refuses is a 400; otherwise the reply is
   * {@code encode} of what {@code handle} succeeds with, and its failure is answered by {@link #failure}.
   */
  public <R, T> BusConsumers answer(String address, Function<JsonObject, R> decode, Function<R, Future<T>> handle,
                                    Function<T, JsonObject> encode) {
    consumers.add(vertx.eventBus().consumer(address, message -> {
      R request;
      try {
        request = decode.apply(message.body());
      } catch (RuntimeException e) {
        message.fail(400, "malformed " + address + " request: " + e.getMessage());
        return;
      }
      call(handle, request).onComplete(result -> {
        if (result.succeeded()) {
          message.reply(encode.apply(result.result()));
        } else {
          Failure failure = failure(result.cause());
          message.fail(failure.code(), failure.message());
        }
      });
    }));
    return this;
  }

  /**
   * Consumes events sent or published to {@code address}, which nobody answers: a body {@code decode} refuses is
   * dropped with a warning, a failure of {@code handle} is logged.
   */
  public <R> BusConsumers consume(String address, Function<JsonObject, R> decode, Function<R, Future<?>> handle) {
    consumers.add(vertx.eventBus().consumer(address, (Message<JsonObject> message) -> {
      R event;
      try {
        event = decode.apply(message.body());
      } catch (RuntimeException e) {
        log.warn("dropped a malformed {} message: {}", address, e.toString());
        return;
      }
      Future<?> handled;
      try {
        handled = handle.apply(event);
      } catch (RuntimeException e) {
        handled = Future.failedFuture(e);
      }
      handled.onFailure(e -> log.error("handling a {} message failed: {}", address, e.toString()));
    }));
    return this;
  }

  /**
   * Purges a deleted user's data on {@code user.deleted} and acknowledges it to the user service with what
   * {@code purge} removed (0 on a repeat). Published events reach every consumer: register it in one elected
   * instance per process.
   */
  public BusConsumers userDeleted(String service, Function<UUID, Future<? extends Number>> purge) {
    return consume(Addresses.USER_DELETED, UserDeleted::fromJson, event -> purge.apply(event.userId())
        .onSuccess(removed -> {
          log.info("{}: purged {} item(s) of deleted user {}", service, removed, event.userId());
          vertx.eventBus().send(Addresses.USER_DELETION_ACK,
              new UserDeletionAck(event.userId(), service, removed.longValue()).toJson());
        }));
  }

  /** Completes once every consumer registered so far is registered everywhere (the whole cluster). */
  public Future<Void> completion() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  public Future<Void> unregister() {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /**
   * The one mapping of a failed request to a reply failure, shared with the HTTP failure handler: an
   * {@link ApiException} keeps its status (validation 400, not found 404, overload 503 …), an unreachable
   * dependency or a timeout is 503, anything else 500, logged with its stack.
   */
  public static Failure failure(Throwable e) {
    ApiException problem = Problems.toApiException(e, 500);
    return new Failure(problem.status(), problem.type(), problem.title(), problem.detail(), problem.errors());
  }

  private static <R, T> Future<T> call(Function<R, Future<T>> handle, R request) {
    try {
      return handle.apply(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
