package org.jobdash.launcher.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.MediaType;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.Problems;
import org.jobdash.common.http.ServiceRouter;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one base URL clients need: proxies {@code /api/v1/auth}, {@code /users}, {@code /admin} and
 * {@code /.well-known} to the user service, {@code /api/v1/resumes} to the résumé service and {@code /api/v1/ai}
 * to the AI service, streaming bodies both ways and passing the client's address on in {@code X-Forwarded-For}.
 * Its {@code /health/ready} is UP only when every service is.
 */
public final class GatewayVerticle extends VerticleBase {

  /** Path prefix → backend service name, in match order. */
  static final Map<String, String> ROUTES = new LinkedHashMap<>();

  static {
    ROUTES.put("/api/v1/auth", "user");
    ROUTES.put("/api/v1/users", "user");
    ROUTES.put("/api/v1/admin", "user");
    ROUTES.put("/.well-known", "user");
    ROUTES.put("/api/v1/resumes", "resume");
    ROUTES.put("/api/v1/ai", "ai");
  }

  private HttpClient client;

  @Override
  public Future<?> start() {
    JsonObject config = config();
    JsonObject http = config.getJsonObject("http", new JsonObject());
    JsonObject targets = config.getJsonObject("routes", new JsonObject());
    Map<String, SocketAddress> backends = new LinkedHashMap<>();
    Map<String, URI> bases = new LinkedHashMap<>();
    for (String service : List.of("user", "resume", "ai")) {
      URI uri = URI.create(targets.getString(service));
      bases.put(service, uri);
      backends.put(service, SocketAddress.inetSocketAddress(uri.getPort(), uri.getHost()));
    }
    // a backend that stays silent this long fails the exchange, which the interceptor answers with a 503
    int idleSeconds = config.getInteger("backendIdleTimeoutSeconds", 60);
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
        .setConnectTimeout(2_000).setIdleTimeout(idleSeconds), new PoolOptions().setHttp1MaxSize(256));
    HttpProxy proxy = HttpProxy.reverseProxy(client)
        .origin(OriginRequestProvider.selector(ctx -> Future.succeededFuture(
            backends.get(serviceFor(ctx.request().getURI())))))
        .addInterceptor(new ForwardingInterceptor());

    WebClient health = WebClient.wrap(client);
    Router router = ServiceRouter.create(vertx, "gateway", () -> readiness(health, bases), null);
    router.route().handler(ctx -> {
      if (serviceFor(ctx.request().path()) == null) {
        ctx.next();
      } else {
        proxy.handle(ctx.request());
      }
    });
    return vertx.createHttpServer(new HttpServerOptions()
            .setHost(http.getString("host", "0.0.0.0"))
            .setPort(http.getInteger("port", 8080))
            .setTcpNoDelay(true)
            .setIdleTimeout(120))
        .requestHandler(router)
        .listen();
  }

  static String serviceFor(String uri) {
    for (var route : ROUTES.entrySet()) {
      String prefix = route.getKey();
      if (uri.startsWith(prefix) && (uri.length() == prefix.length() || "/?".indexOf(uri.charAt(prefix.length())) >= 0)) {
        return route.getValue();
      }
    }
    return null;
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
   * Passes the client's address on (replacing whatever the client claimed, so a client cannot forge it), and
   * turns an unreachable or silent backend into a 503 problem instead of a bare 502.
   */
  private static final class ForwardingInterceptor implements ProxyInterceptor {

    private static final MediaType PROBLEM_TYPE = MediaType.parse(Problems.CONTENT_TYPE);

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
      var request = ctx.request();
      var peer = request.proxiedRequest().remoteAddress();
      request.headers().set("X-Forwarded-For", peer == null ? "unknown" : peer.hostAddress());
      request.headers().set("X-Forwarded-Proto", request.proxiedRequest().scheme());
      request.headers().remove("Forwarded");
      return ctx.sendRequest().recover(e -> {
        ApiException problem = new ApiException.Unavailable(
            "The " + serviceFor(request.getURI()) + " service is unavailable");
        ProxyResponse response = request.response().setStatusCode(problem.status())
            .setStatusMessage(problem.title())
            .putHeader("Content-Type", Problems.CONTENT_TYPE)
            .setBody(Body.body(Problems.toJson(problem, request.getURI()).toBuffer(), PROBLEM_TYPE));
        problem.headers().forEach(response::putHeader);
        return Future.succeededFuture(response);
      });
    }
  }
}
