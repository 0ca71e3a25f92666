package org.jobdash.common.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Maps failures to RFC 9457 problem+json responses; the one failure handler of every router. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://jobdash.dev/problems/";
  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Failure handler: {@code router.route().failureHandler(Problems::handle)}. */
  public static void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    send(ctx, toApiException(ctx.failure(), ctx.statusCode()), ctx.request().path());
  }

  public static void send(RoutingContext ctx, ApiException e, String instance) {
    HttpServerResponse response = ctx.response();
    e.headers().forEach(response::putHeader);
    response.setStatusCode(e.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(toJson(e, instance).toBuffer());
  }

  public static JsonObject toJson(ApiException e, String instance) {
    JsonObject body = new JsonObject()
        .put("type", TYPE_BASE + e.type())
        .put("title", e.title())
        .put("status", e.status())
        .put("detail", e.detail());
    if (instance != null) {
      body.put("instance", instance);
    }
    if (!e.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(f -> errors.add(new JsonObject().put("field", f.field()).put("message", f.message())));
      body.put("errors", errors);
    }
    return body;
  }

  /** Decides what a failure means to a client. Unknown failures are 500 and logged with their stack. */
  public static ApiException toApiException(Throwable failure, int statusCode) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof HttpException http) {
      return fromStatus(http.getStatusCode(), http.getPayload() != null ? http.getPayload() : http.getMessage());
    }
    if (failure instanceof DecodeException) {
      return new ApiException.Invalid("The body is not valid JSON");
    }
    if (failure instanceof PgException pg) {
      return fromSqlState(pg);
    }
    if (failure instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
      // the form decoder buffers at most so much of a field or a part's headers (a file name) between two chunks
      return new ApiException.Invalid("A form field or a part's headers (e.g. its file name) are too long");
    }
    if (failure instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
      return new ApiException.Invalid("The form has too many fields");
    }
    if (failure instanceof HttpPostRequestDecoder.ErrorDataDecoderException) {
      return new ApiException.Invalid("The form body is malformed");
    }
    if (isConnectivity(failure)) {
      log.warn("dependency unavailable: {}", failure.toString());
      return new ApiException.Unavailable("A dependency of this service is unavailable; try again shortly");
    }
    if (failure == null) {
      return fromStatus(statusCode > 0 ? statusCode : 500, null);
    }
    log.error("unexpected failure", failure);
    return fromStatus(500, null);
  }

  static boolean isConnectivity(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof ClosedConnectionException
          || c instanceof TimeoutException || c instanceof java.io.IOException) {
        return true;
      }
      if (c instanceof VertxException && c.getMessage() != null
          && (c.getMessage().contains("Timeout") || c.getMessage().contains("closed"))) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static ApiException fromSqlState(PgException pg) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    return switch (state) {
      case "23505" -> new ApiException.Conflict("The resource already exists");
      case "23503" -> new ApiException.NotFound("A referenced resource does not exist");
      case "23514", "23502", "22P02", "22001", "22003", "22007", "22008", "22023", "2201X", "2201W", "22021" ->
          new ApiException.Invalid("A value is out of range or of the wrong form");
      case "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006", "08001", "08004" ->
          new ApiException.Unavailable("The database is unavailable; try again shortly");
      default -> {
        log.error("database error {}: {}", state, pg.getMessage());
        yield fromStatus(500, null);
      }
    };
  }

  public static ApiException fromStatus(int status, String detail) {
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    return switch (status) {
      case 400 -> new ApiException.Invalid(detail != null ? detail : "The request is malformed");
      case 401 -> new ApiException.Unauthorized(detail != null ? detail : "Authentication is required");
      case 403 -> new ApiException.Forbidden(detail != null ? detail : "Not allowed");
      case 404 -> new ApiException.NotFound(detail != null ? detail : "No such resource");
      case 413 -> new ApiException.TooLarge(detail != null ? detail : "The request body is too large");
      case 415 -> new ApiException.UnsupportedType(detail != null ? detail : "Unsupported content type");
      case 503 -> new ApiException.Unavailable(detail != null ? detail : "Service unavailable");
      default -> new ApiException(status, status >= 500 ? "internal" : "http-" + status, reason,
          detail != null ? detail : (status >= 500 ? "An unexpected error occurred" : reason), null, null);
    };
  }
}
