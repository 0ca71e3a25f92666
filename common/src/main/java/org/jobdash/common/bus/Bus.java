package org.jobdash.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;

import java.util.UUID;

/** Request/reply over the event bus with a timeout, failures mapped to the problems a client should see. */
public final class Bus {

  private Bus() {}

  public static Future<JsonObject> request(Vertx vertx, String address, JsonObject payload, long timeoutMs) {
    payload.put("version", Addresses.VERSION);
    return vertx.eventBus().<JsonObject>request(address, payload, new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(message -> message.body())
        .recover(e -> Future.failedFuture(toApiException(address, e)));
  }

  public static ApiException toApiException(String address, Throwable e) {
    if (e instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT -> new ApiException.Timeout("No answer from " + address + " in time");
        case NO_HANDLERS -> new ApiException.Unavailable("Nothing serves " + address + " right now");
        case RECIPIENT_FAILURE -> problem(reply) != null ? problem(reply) : switch (reply.failureCode()) {
          case 404 -> new ApiException.NotFound(reply.getMessage());
          case 400 -> new ApiException.Invalid(reply.getMessage());
          case 403 -> new ApiException.Forbidden(reply.getMessage());
          case 409 -> new ApiException.Conflict(reply.getMessage());
          case 413 -> new ApiException.TooLarge(reply.getMessage());
          case 422 -> new ApiException.Unprocessable(reply.getMessage());
          case 503 -> new ApiException.Unavailable(reply.getMessage());
          default -> new ApiException(502, "upstream", "Upstream failure", address + " failed: " + reply.getMessage(),
              null, null);
        };
        default -> new ApiException.Unavailable(address + " failed: " + reply.getMessage());
      };
    }
    if (e instanceof ApiException api) {
      return api;
    }
    return new ApiException.Unavailable(address + " failed: " + e.getMessage());
  }

  /** Statuses a sender passes on as they are; any other failure of a recipient is the sender's 502. */
  private static final java.util.Set<Integer> PASSED_ON = java.util.Set.of(400, 403, 404, 409, 413, 422, 503);

  /**
   * The problem a {@link BusConsumers} recipient failed with (its failure message is the problem as JSON), with
   * its type, title and field errors; null for a plain failure message.
   */
  private static ApiException problem(ReplyException reply) {
    String text = reply.getMessage();
    if (text == null || !text.startsWith("{") || !PASSED_ON.contains(reply.failureCode())) {
      return null;
    }
    try {
      JsonObject json = new JsonObject(text);
      if (!(json.getValue("type") instanceof String type) || !(json.getValue("detail") instanceof String detail)) {
        return null;
      }
      java.util.List<ApiException.FieldError> errors = new java.util.ArrayList<>();
      if (json.getValue("errors") instanceof io.vertx.core.json.JsonArray list) {
        for (Object item : list) {
          if (item instanceof JsonObject e) {
            errors.add(new ApiException.FieldError(e.getString("field"), e.getString("message")));
          }
        }
      }
      return new ApiException(reply.failureCode(), type, json.getString("title", type), detail, errors, null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The UUID in {@code field} of a message; refuses a missing or malformed one, naming the field. */
  public static UUID uuid(JsonObject message, String field) {
    String value = message.getString(field);
    try {
      return UUID.fromString(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + " must be a UUID");
    }
  }

  /** A JSON message with the payload version set. */
  public static JsonObject message() {
    return new JsonObject().put("version", Addresses.VERSION);
  }
}
