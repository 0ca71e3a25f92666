package org.jobdash.common.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.work.BoundedWorker;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads JSON request bodies within a size limit: a body above the limit is refused with 413 as soon as it is
 * declared or has streamed past it, a body declared as a form or as anything else that is not JSON is refused
 * with 415 before it is read, and a large body is parsed (and checked by {@link JsonBodyRules}) on a bounded
 * worker, since parsing a megabyte of JSON holds a thread for a tenth of a second or more. Small bodies, the
 * common case, are parsed where the route reads them. The reader is a plain handler, so it can follow a check
 * that paused the request (the token check).
 */
public final class JsonBodies {

  /** Bodies up to this size are parsed inline by {@link JsonInput#body}; larger ones on the worker. */
  public static final int INLINE_PARSE_BYTES = 32 * 1024;
  static final String RAW = "jobdash.body";
  static final String PARSED = "jobdash.body.parsed";

  private final BoundedWorker parser;
  private final Duration deadline;

  public JsonBodies(BoundedWorker parser, Duration deadline) {
    this.parser = parser;
    this.deadline = deadline;
  }

  /** The body handler of a JSON route whose bodies may be up to {@code limitBytes}. */
  public Handler<RoutingContext> limit(long limitBytes) {
    return ctx -> read(ctx, limitBytes, true);
  }

  /** A body handler like {@link #limit} that leaves the body unparsed, for a route that decodes it as a stream. */
  public Handler<RoutingContext> unparsed(long limitBytes) {
    return ctx -> read(ctx, limitBytes, false);
  }

  /** The body read by {@link #limit}, or one read by another body handler; an empty buffer when there is none. */
  public static Buffer raw(RoutingContext ctx) {
    Buffer own = ctx.get(RAW);
    if (own != null) {
      return own;
    }
    return ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
  }

  private void read(RoutingContext ctx, long limit, boolean parse) {
    HttpServerRequest request = ctx.request();
    if (ctx.get(RAW) != null || ctx.body().available()) {
      // an earlier handler of this request (an upload route's own) has read the body already
      ctx.next();
      return;
    }
    String type = request.getHeader("Content-Type");
    if (type != null && !isJson(type) && carriesBody(request)) {
      ctx.fail(new ApiException.UnsupportedType("This route takes a JSON body (Content-Type: application/json)"));
      return;
    }
    long declared = declaredLength(request);
    if (declared > limit) {
      ctx.fail(tooLarge(limit));
      return;
    }
    if (request.isEnded()) {
      ctx.put(RAW, Buffer.buffer());
      ctx.next();
      return;
    }
    Buffer body = Buffer.buffer((int) Math.min(Math.max(declared, 0), INLINE_PARSE_BYTES));
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > limit) {
        refused[0] = true;
        ctx.fail(tooLarge(limit));
        return;
      }
      body.appendBuffer(chunk);
    });
    request.exceptionHandler(e -> {
      if (!refused[0] && !ctx.failed()) {
        refused[0] = true;
        ctx.fail(e);
      }
    });
    request.endHandler(v -> {
      if (refused[0] || ctx.failed()) {
        return;
      }
      ctx.put(RAW, body);
      if (!parse || body.length() <= INLINE_PARSE_BYTES) {
        ctx.next();
        return;
      }
      parser.submit(deadline, d -> JsonInput.parse(body)).onComplete(parsed -> {
        if (parsed.succeeded()) {
          ctx.put(PARSED, parsed.result());
          ctx.next();
        } else {
          ctx.fail(parsed.cause());
        }
      });
    });
    request.resume();
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException.TooLarge("The request body is larger than " + limit + " bytes");
  }

  static boolean isJson(String contentType) {
    int end = contentType.indexOf(';');
    String type = (end < 0 ? contentType : contentType.substring(0, end)).strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }

  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean carriesBody(HttpServerRequest request) {
    return declaredLength(request) > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
