package org.jobdash.common.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import org.jobdash.common.work.BoundedWorker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The router every service starts from: the {@link SecurityHeaders} on every answer, problem+json for every failure
 * and unmatched route, liveness and readiness checks, Prometheus metrics and the service's OpenAPI document.
 */
public final class ServiceRouter {

  private ServiceRouter() {}

  /** A readiness failure that carries the state of each dependency checked. */
  public static final class NotReady extends RuntimeException {
    private final JsonObject checks;

    public NotReady(JsonObject checks) {
      super("not ready: " + checks.encode(), null, false, false);
      this.checks = checks;
    }
  }

  /**
   * @param readiness checks the service's dependencies; a failed future makes {@code /health/ready} a 503
   * @param openApiResource classpath resource served at {@code /openapi.yaml}, or null
   */
  public static Router create(Vertx vertx, String service, Supplier<Future<JsonObject>> readiness,
                              String openApiResource) {
    return create(vertx, service, readiness, openApiResource, true);
  }

  /**
   * @param metrics whether to serve {@code /metrics}; a public port (the gateway's) does not, since the registry
   *                of a one-process deployment holds every service's figures
   */
  public static Router create(Vertx vertx, String service, Supplier<Future<JsonObject>> readiness,
                              String openApiResource, boolean metrics) {
    Router router = Router.router(vertx);
    // first: the headers are on the answer whatever answers later, a problem included; then the query decodes
    router.route().handler(ctx -> {
      SecurityHeaders.put(ctx.response());
      if (ctx.request().query() == null) {
        ctx.next();
      } else {
        queryDecodes(ctx);
      }
    });
    router.route().failureHandler(Problems::handle);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
      router.errorHandler(status, ctx -> Problems.send(ctx,
          Problems.toApiException(ctx.failure(), status), ctx.request().path()));
    }
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")
        .put("service", service)));
    router.get("/health/ready").handler(ctx -> readiness.get()
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .onSuccess(details -> json(ctx, 200, new JsonObject().put("status", "UP").put("service", service)
            .put("checks", details)))
        .onFailure(e -> {
          JsonObject body = new JsonObject().put("status", "DOWN").put("service", service);
          if (e instanceof NotReady notReady) {
            body.put("checks", notReady.checks);
          } else {
            body.put("error", String.valueOf(e.getMessage()));
          }
          json(ctx, 503, body);
        }));
    if (metrics && BackendRegistries.getDefaultNow() != null) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    }
    if (openApiResource != null) {
      byte[] document = resource(openApiResource);
      router.get("/openapi.yaml").handler(ctx -> ctx.response()
          .putHeader("Content-Type", "application/yaml")
          .end(io.vertx.core.buffer.Buffer.buffer(document)));
    }
    return router;
  }

  /**
   * Serves {@code router} where {@code http} says, with the options every service uses, behind a
   * {@link ConnectionGuard} holding connections to {@code http.limits()}. Call it from a verticle's start.
   */
  public static Future<io.vertx.core.http.HttpServer> listen(Vertx vertx, Router router, HttpSettings http) {
    HttpSettings.Limits limits = http.limits();
    io.vertx.core.http.HttpServer server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
        .setHost(http.host())
        .setPort(http.port())
        .setTcpNoDelay(true)
        .setIdleTimeout(120)
        .setMaxInitialLineLength(limits.maxInitialLineLength())
        .setMaxHeaderSize(limits.maxHeaderSize())
        // with h2c on, Vert.x makes a connection known only once its first request head is whole: the guard
        // could neither time a slow head nor count a silent connection against the cap
        .setHttp2ClearTextEnabled(false));
    return ConnectionGuard.install(vertx, server, limits, http.host() + ":" + http.port(), router).listen();
  }

  /** The worker that parses a service's large JSON bodies; build one per deployment, see {@link #jsonBody}. */
  public static BoundedWorker jsonParsing(Vertx vertx) {
    return new BoundedWorker(vertx, "json-parsing", Math.max(1, Runtime.getRuntime().availableProcessors()), 64, 10);
  }

  /**
   * The body handler of a service's JSON routes (see {@link JsonBodies}): bodies above {@code limit} bytes are
   * refused with 413, large ones are parsed on {@code parsing}, the {@link #jsonParsing} worker of the deployment.
   */
  public static Handler<RoutingContext> jsonBody(BoundedWorker parsing, long limit) {
    return jsonBodies(parsing).limit(limit);
  }

  /** {@link #jsonBody} for a route that decodes its body as a stream itself. */
  public static Handler<RoutingContext> unparsedJsonBody(BoundedWorker parsing, long limit) {
    return jsonBodies(parsing).unparsed(limit);
  }

  /** A query string that is not valid percent-encoding is a 400, not a failure deep in a route. */
  private static void queryDecodes(RoutingContext ctx) {
    try {
      ctx.queryParams();
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      ctx.fail(ApiException.Invalid.field("query", "is not valid percent-encoding"));
      return;
    }
    ctx.next();
  }

  private static JsonBodies jsonBodies(BoundedWorker parsing) {
    return new JsonBodies(parsing, JSON_DEADLINE);
  }

  /** How long parsing or checking one large JSON body may take on the worker. */
  static final Duration JSON_DEADLINE = Duration.ofSeconds(5);

  public static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    if (body instanceof JsonObject o) {
      ctx.response().end(o.toBuffer());
    } else if (body instanceof io.vertx.core.json.JsonArray a) {
      ctx.response().end(a.toBuffer());
    } else {
      ctx.response().end(io.vertx.core.json.Json.encodeToBuffer(body));
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ServiceRouter.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
