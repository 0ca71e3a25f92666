package org.jobdash.common.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.shareddata.Shareable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds one HTTP server's connections to its {@link HttpSettings.Limits}. A connection that has not delivered a
 * whole request head within the header timeout of opening or of its previous response is closed (slowloris), and
 * so is one whose request body arrives slower than the minimum rate or takes longer than the body timeout; beyond
 * the connection cap a new connection is closed at once; a request line or header block over its limit, or any
 * request Netty cannot decode, is answered with a problem (414, 431, 400) instead of an empty body.
 *
 * <p>Timing is checked by one periodic sweep per server instance rather than a timer per request, so the hot path
 * only records when a request began. A guard belongs to one server instance and is used only on its event loop;
 * the cap is counted over every instance sharing the port.
 */
public final class ConnectionGuard {

  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final String COUNTERS = "jobdash.http.open-connections";

  /** Open connections of one port, shared by the verticle instances that serve it. */
  private static final class OpenConnections implements Shareable {
    final AtomicInteger count = new AtomicInteger();
  }

  /** What one connection is doing: waiting for a request head (no request), or serving {@code request}. */
  private static final class Watch {
    final HttpConnection connection;
    HttpServerRequest request;
    long since;

    Watch(HttpConnection connection, long since) {
      this.connection = connection;
      this.since = since;
    }
  }

  private final HttpSettings.Limits limits;
  private final OpenConnections open;
  private final Map<HttpConnection, Watch> watches = new HashMap<>();

  private ConnectionGuard(HttpSettings.Limits limits, OpenConnections open) {
    this.limits = limits;
    this.open = open;
  }

  /**
   * Installs the guard on {@code server} (created with the limits' line and header sizes, and without h2c, so
   * that a connection is known from the moment it opens) in front of {@code handler}. Call it on the event loop that will serve the server (a verticle's {@code start}); the sweep
   * stops with that verticle.
   *
   * @param port names the port for the shared connection count, e.g. {@code host:port}
   */
  public static HttpServer install(Vertx vertx, HttpServer server, HttpSettings.Limits limits, String port,
                                   Handler<HttpServerRequest> handler) {
    OpenConnections open = vertx.sharedData().<String, OpenConnections>getLocalMap(COUNTERS)
        .computeIfAbsent(port, p -> new OpenConnections());
    ConnectionGuard guard = new ConnectionGuard(limits, open);
    long shortest = Math.min(positiveOr(limits.headerTimeout().toMillis()), positiveOr(limits.bodyGrace().toMillis()));
    long tick = Math.max(50, Math.min(1_000, shortest / 4));
    vertx.setPeriodic(tick, tick, id -> guard.sweep());
    return server.connectionHandler(guard::opened)
        .requestHandler(request -> {
          guard.began(request);
          handler.handle(request);
        })
        .invalidRequestHandler(request -> {
          guard.began(request);
          refuse(request);
        });
  }

  private static long positiveOr(long millis) {
    return millis > 0 ? millis : Long.MAX_VALUE;
  }

  private void opened(HttpConnection connection) {
    boolean capped = limits.maxConnections() > 0;
    if (capped && open.count.incrementAndGet() > limits.maxConnections()) {
      open.count.decrementAndGet();
      log.debug("connection from {} refused: {} connections are open", connection.remoteAddress(),
          limits.maxConnections());
      connection.close();
      return;
    }
    watches.put(connection, new Watch(connection, System.nanoTime()));
    connection.closeHandler(v -> {
      watches.remove(connection);
      if (capped) {
        open.count.decrementAndGet();
      }
    });
  }

  private void began(HttpServerRequest request) {
    Watch watch = watches.get(request.connection());
    if (watch != null) {
      watch.request = request;
      watch.since = System.nanoTime();
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    List<HttpConnection> expired = null;
    for (Watch watch : watches.values()) {
      HttpServerRequest request = watch.request;
      if (request != null && request.isEnded() && request.response().ended()) {
        // the exchange is over: the next request's head is due within the header timeout from (about) now
        watch.request = null;
        watch.since = now;
      }
      if (watch.request == null ? headTooSlow(now - watch.since) : bodyTooSlow(watch.request, now - watch.since)) {
        if (expired == null) {
          expired = new ArrayList<>();
        }
        expired.add(watch.connection);
      }
    }
    if (expired != null) {
      for (HttpConnection connection : expired) {
        log.debug("closing connection from {}: it sent too slowly", connection.remoteAddress());
        watches.remove(connection);
        connection.close();
      }
    }
  }

  private boolean headTooSlow(long waitedNanos) {
    long limit = limits.headerTimeout().toNanos();
    return limit > 0 && waitedNanos > limit;
  }

  private boolean bodyTooSlow(HttpServerRequest request, long elapsedNanos) {
    if (request.isEnded()) {
      return false;
    }
    long total = limits.bodyTimeout().toNanos();
    if (total > 0 && elapsedNanos > total) {
      return true;
    }
    long grace = limits.bodyGrace().toNanos();
    double seconds = elapsedNanos / (double) TimeUnit.SECONDS.toNanos(1);
    return limits.minBodyBytesPerSecond() > 0 && elapsedNanos > grace
        && request.bytesRead() < limits.minBodyBytesPerSecond() * seconds;
  }

  /** Answers a request Netty could not decode with a problem; Vert.x closes the connection once it is sent. */
  private static void refuse(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiException problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = new ApiException.UriTooLong("The request line (method, path and query) is too long");
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = new ApiException.HeadersTooLarge("The request headers are too large");
    } else {
      problem = new ApiException.Invalid("The request is not valid HTTP/1.1");
    }
    var response = request.response();
    problem.headers().forEach(response::putHeader);
    response.setStatusCode(problem.status())
        .putHeader("Content-Type", Problems.CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .putHeader("Connection", "close")
        .end(Problems.toJson(problem, null).toBuffer());
  }
}
