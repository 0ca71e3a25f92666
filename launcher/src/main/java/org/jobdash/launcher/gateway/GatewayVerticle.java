package org.jobdash.launcher.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.MediaType;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jobdash.common.config.Settings;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.HttpSettings;
import org.jobdash.common.http.Problems;
import org.jobdash.common.http.SecurityHeaders;
import org.jobdash.common.http.ServiceRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one base URL clients need, and the only port open to them in the one-process default: proxies the user
 * service's API ({@code /api/v1/auth}, {@code /users}, {@code /admin}, {@code /.well-known/jwks.json}), the
 * résumé service's ({@code /api/v1/resumes}) and the AI service's ({@code /api/v1/ai}), streaming bodies both ways
 * and passing the client's address on in {@code X-Forwarded-For}. It routes on the decoded path and refuses one
 * that a backend could read differently ({@link GatewayPath}), refuses bodies over the route's limit (413), and
 * holds connections to its limits (slow heads and bodies, line and header sizes, a connection cap). Its own
 * {@code /health/ready} is UP only when every service is; it serves no {@code /metrics}. Its own
 * {@code /openapi.yaml} is the services' documents merged into one ({@link GatewayDocs}), with Swagger UI at
 * {@code /docs}; the services' own documents stay on their ports.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  /** How long a refused body is still read (and dropped) before the connection closes, so the answer arrives. */
  private static final long DRAIN_MILLIS = 2_000;
  private static final String DESTINATION = "jobdash.destination";
  private static final String LIMITED = "jobdash.limited-body";

  private HttpClient client;

  @Override
  public Future<?> start() {
    // the merged gateway section, read strictly: its defaults are in the launcher's jobdash-defaults.json
    Settings config = Settings.of("gateway", config());
    Settings httpSection = config.section("http");
    HttpSettings http = HttpSettings.from(httpSection.json(), httpSection.integer("port"));
    GatewayRoutes routes = new GatewayRoutes(http.bodyLimitBytes(),
        config.whole("uploadBodyLimitBytes"), config.whole("batchBodyLimitBytes"));
    Settings targets = config.section("routes");
    Map<String, SocketAddress> backends = new LinkedHashMap<>();
    Map<String, URI> bases = new LinkedHashMap<>();
    for (String service : GatewayRoutes.SERVICES) {
      URI uri = URI.create(targets.text(service));
      bases.put(service, uri);
      backends.put(service, SocketAddress.inetSocketAddress(uri.getPort(), uri.getHost()));
    }
    // a backend that stays silent this long fails the exchange, which the interceptor answers with a 503
    int idleSeconds = config.integer("backendIdleTimeoutSeconds");
    // pooled connections are dropped before a backend's own header timeout would close them under a new request
    int keepAliveSeconds = config.integer("backendKeepAliveSeconds");
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(keepAliveSeconds)
        .setTcpNoDelay(true).setConnectTimeout(2_000).setIdleTimeout(idleSeconds),
        new PoolOptions().setHttp1MaxSize(256));
    HttpProxy proxy = HttpProxy.reverseProxy(client)
        .origin(ctx -> ctx.client().request(new RequestOptions()
                .setServer(backends.get(ctx.get(DESTINATION, GatewayRoutes.Destination.class).service())))
            // a request the proxy resets (a refused body, a client gone) fails its exchange, which is answered;
            // without a handler Vert.x would also log every such reset as an error
            .map(request -> request.exceptionHandler(e -> log.debug("backend request ended: {}", e.toString()))))
        .addInterceptor(new ForwardingInterceptor(vertx, routes));

    WebClient health = WebClient.wrap(client);
    Router router = ServiceRouter.create(vertx, "gateway", () -> readiness(health, bases), null, false);
    // before every other route, so that no form of a path reaches anything before it is checked
    router.route().order(-1).handler(ctx -> frontDoor(ctx, routes, proxy));
    return GatewayDocs.load(vertx).compose(docs -> {
      docs.mount(router);
      return ServiceRouter.listen(vertx, router, http);
    });
  }

  private void frontDoor(RoutingContext ctx, GatewayRoutes routes, HttpProxy proxy) {
    HttpServerRequest request = ctx.request();
    GatewayRoutes.Destination destination = routes.of(GatewayPath.of(request.path()));
    if (destination == null) {
      ctx.next();
      return;
    }
    long declared = contentLength(request);
    if (declared > destination.bodyLimit()) {
      ApiException problem = tooLarge(destination.bodyLimit());
      SecurityHeaders.each(ctx.response()::putHeader);
      ctx.response().setStatusCode(problem.status())
          .putHeader("Content-Type", Problems.CONTENT_TYPE)
          .putHeader("Cache-Control", "no-store")
          .putHeader("Connection", "close")
          .end(Problems.toJson(problem, request.path()).toBuffer())
          .onComplete(ar -> closeAfterDraining(vertx, request));
      return;
    }
    proxy.handle(request);
  }

  private static long contentLength(HttpServerRequest request) {
    String header = request.getHeader("Content-Length");
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException.TooLarge("The request body is larger than this route accepts (" + limit + " bytes)");
  }

  /**
   * Closes a connection whose request body was refused unread. The rest of the body is read and dropped for a
   * moment first: closing with unread bytes would reset the connection and could lose the answer on its way.
   */
  static void closeAfterDraining(Vertx vertx, HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if (request.isEnded()) {
      connection.close();
      return;
    }
    long timer = vertx.setTimer(DRAIN_MILLIS, id -> connection.close());
    request.handler(dropped -> { })
        .endHandler(v -> {
          vertx.cancelTimer(timer);
          connection.close();
        })
        .resume();
  }

  private static Future<JsonObject> readiness(WebClient health, Map<String, URI> bases) {
    List<Future<JsonObject>> checks = new ArrayList<>();
    List<String> names = new ArrayList<>(bases.keySet());
    for (String service : names) {
      URI base = bases.get(service);
      checks.add(health.get(base.getPort(), base.getHost(), "/health/ready").timeout(2_000).send()
          .map(r -> r.statusCode() == 200 ? new JsonObject().put("status", "UP")
              : new JsonObject().put("status", "DOWN").put("httpStatus", r.statusCode()))
          .otherwise(e -> new JsonObject().put("status", "DOWN").put("error", String.valueOf(e.getMessage()))));
    }
    return Future.join(checks).transform(ignored -> {
      JsonObject result = new JsonObject();
      boolean up = true;
      for (int i = 0; i < names.size(); i++) {
        JsonObject check = checks.get(i).result();
        result.put(names.get(i), check);
        up &= "UP".equals(check.getString("status"));
      }
      return up ? Future.succeededFuture(result) : Future.failedFuture(new ServiceRouter.NotReady(result));
    });
  }

  /**
   * Sends the checked path on (with its query; never an absolute-form target), passes the client's address on
   * (replacing whatever the client claimed, so a client cannot forge it), counts a chunked body against the
   * route's limit (413, then the connection closes), and turns an unreachable or silent backend into a 503
   * problem instead of a bare 502.
   */
  private static final class ForwardingInterceptor implements ProxyInterceptor {

    private static final MediaType PROBLEM_TYPE = MediaType.parse(Problems.CONTENT_TYPE);

    private final Vertx vertx;
    private final GatewayRoutes routes;

    ForwardingInterceptor(Vertx vertx, GatewayRoutes routes) {
      this.vertx = vertx;
      this.routes = routes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
      ProxyRequest request = ctx.request();
      HttpServerRequest client = request.proxiedRequest();
      // the front door checked this path already; it is read again here rather than carried across the proxy
      GatewayRoutes.Destination destination = routes.of(GatewayPath.of(client.path()));
      ctx.set(DESTINATION, destination);
      String query = client.query();
      request.setURI(query == null ? client.path() : client.path() + "?" + query);
      var peer = client.remoteAddress();
      request.headers().set("X-Forwarded-For", peer == null ? "unknown" : peer.hostAddress());
      request.headers().set("X-Forwarded-Proto", client.scheme());
      request.headers().remove("Forwarded");
      LimitedBody limited;
      Body body = request.getBody();
      if (body != null && body.length() < 0) {
        limited = new LimitedBody(body.stream(), destination.bodyLimit());
        request.setBody(Body.body(limited, -1, client.getHeader("Content-Type")));
        ctx.set(LIMITED, limited);
      } else {
        limited = null;
      }
      return ctx.sendRequest().recover(e -> {
        boolean overLimit = limited != null && limited.exceeded();
        ApiException problem = overLimit ? tooLarge(destination.bodyLimit())
            : new ApiException.Unavailable("The " + destination.service() + " service is unavailable");
        ProxyResponse response = request.response().setStatusCode(problem.status())
            .setStatusMessage(problem.title())
            .putHeader("Content-Type", Problems.CONTENT_TYPE)
            .setBody(Body.body(Problems.toJson(problem, client.path()).toBuffer(), PROBLEM_TYPE));
        SecurityHeaders.each(response::putHeader);
        problem.headers().forEach(response::putHeader);
        if (overLimit) {
          response.putHeader("Connection", "close");
        }
        return Future.succeededFuture(response);
      });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
      Future<Void> sent = ctx.sendResponse();
      LimitedBody limited = ctx.get(LIMITED, LimitedBody.class);
      // the rest of a body over the limit is not read, whether the answer is our 413 or came from the backend first
      if (limited != null && limited.exceeded()) {
        sent.onComplete(ar -> closeAfterDraining(vertx, ctx.request().proxiedRequest()));
      }
      return sent;
    }
  }
}
