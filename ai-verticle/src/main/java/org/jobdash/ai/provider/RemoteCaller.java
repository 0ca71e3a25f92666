package org.jobdash.ai.provider;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.jobdash.ai.AiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * POSTs JSON to a remote model server with a timeout, retries with exponential backoff on 429 and 5xx (waiting
 * what {@code Retry-After} asks, capped), and one circuit breaker per provider: after repeated failures calls
 * fail at once without reaching the server until the reset time has passed. Build one per deployment and pass
 * it to every verticle instance, so that they all see the same circuit.
 */
public final class RemoteCaller {

  private static final Logger log = LoggerFactory.getLogger(RemoteCaller.class);

  private final Vertx vertx;
  private final WebClient client;
  private final AiConfig.Providers settings;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();

  public RemoteCaller(Vertx vertx, AiConfig.Providers settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setKeepAlive(true)
        .setUserAgent("jobdash-ai-service"));
  }

  private synchronized CircuitBreaker breaker(String provider) {
    return breakers.computeIfAbsent(provider, name -> CircuitBreaker.create("ai-" + name, vertx,
            new CircuitBreakerOptions()
                .setMaxFailures(settings.breakerMaxFailures())
                .setTimeout(-1)
                .setResetTimeout(settings.breakerResetMs()))
        .openHandler(v -> log.warn("circuit to {} opened after repeated failures", name))
        .closeHandler(v -> log.info("circuit to {} closed again", name)));
  }

  /** The parsed JSON answer of {@code POST baseUrl + path}, or a failed future with a {@link RemoteFailure}. */
  public Future<JsonObject> post(String provider, AiConfig.Remote remote, String path, Map<String, String> headers,
                                 JsonObject body) {
    return breaker(provider).<JsonObject>execute(() -> attempt(remote, path, headers, body, 0))
        .recover(e -> Future.failedFuture(e instanceof OpenCircuitException
            ? new RemoteFailure("the circuit to " + provider + " is open after repeated failures", 0)
            : e instanceof RemoteFailure ? e : new RemoteFailure(provider + " call failed: " + e, 0)));
  }

  private Future<JsonObject> attempt(AiConfig.Remote remote, String path, Map<String, String> headers,
                                     JsonObject body, int attempt) {
    var request = client.postAbs(stripSlash(remote.baseUrl()) + path).timeout(remote.timeoutMs());
    headers.forEach(request::putHeader);
    return request.sendJsonObject(body)
        .recover(e -> Future.failedFuture(new RemoteFailure("no answer from " + remote.baseUrl() + ": " + e, 0)))
        .compose(response -> {
          if (response.statusCode() / 100 == 2) {
            return parse(response);
          }
          RemoteFailure failure = new RemoteFailure(remote.baseUrl() + path + " answered " + response.statusCode(),
              response.statusCode());
          if (!failure.retryable() || attempt >= settings.maxRetries()) {
            return Future.failedFuture(failure);
          }
          long wait = backoffMs(attempt, response.getHeader("Retry-After"), settings.initialBackoffMs(),
              settings.maxBackoffMs());
          return vertx.timer(wait, TimeUnit.MILLISECONDS)
              .compose(v -> attempt(remote, path, headers, body, attempt + 1));
        });
  }

  private static Future<JsonObject> parse(HttpResponse<Buffer> response) {
    try {
      return Future.succeededFuture(response.bodyAsJsonObject());
    } catch (RuntimeException e) {
      return Future.failedFuture(new RemoteFailure("the answer is not a JSON object", response.statusCode()));
    }
  }

  /**
   * How long to wait before retrying after failed attempt {@code attempt} (0 for the first): the seconds a
   * {@code Retry-After} header asks for when it gives a number, otherwise {@code initialMs} doubled per attempt;
   * never more than {@code maxMs}, never less than 0.
   */
  static long backoffMs(int attempt, String retryAfter, long initialMs, long maxMs) {
    if (retryAfter != null) {
      try {
        long seconds = Math.max(0, Long.parseLong(retryAfter.strip()));
        return seconds >= maxMs / 1000 + 1 ? maxMs : Math.min(maxMs, seconds * 1000);
      } catch (NumberFormatException e) {
        // an HTTP date or garbage: fall back to the exponential wait
      }
    }
    int doublings = Math.min(Math.max(0, attempt), 20);
    return initialMs > (maxMs >> doublings) ? maxMs : Math.min(maxMs, initialMs << doublings);
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
