package org.jobdash.common.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every answer of every service carries: nothing is cached (answers carry tokens and personal data;
 * a route that may be cached says so itself), nothing is sniffed, framed or sent a referrer, and an API answer runs
 * nothing ({@code default-src 'none'}). A page that needs its own scripts states its own policy ({@link #page}).
 */
public final class SecurityHeaders {

  public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
  /** An API answer is data: it loads, runs and embeds nothing, and nothing embeds it. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private static final Map<String, String> HEADERS = Map.of(
      "Cache-Control", "no-store",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY",
      "Cross-Origin-Resource-Policy", "same-origin",
      CONTENT_SECURITY_POLICY, API_POLICY);

  /** The same, as names and values encoded once (they are written on every answer). */
  private static final CharSequence[] ENCODED = HEADERS.entrySet().stream()
      .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
      .map(HttpHeaders::createOptimized).toArray(CharSequence[]::new);

  private SecurityHeaders() {}

  /** Puts every header on {@code response}. */
  static void put(HttpServerResponse response) {
    for (int i = 0; i < ENCODED.length; i += 2) {
      response.putHeader(ENCODED[i], ENCODED[i + 1]);
    }
  }

  /** Puts every header through {@code put} (a server response, or a proxied one). */
  public static void each(BiConsumer<String, String> put) {
    HEADERS.forEach(put);
  }

  /** For the routes of a page that loads its own scripts and styles: its policy replaces the API's. */
  public static Handler<RoutingContext> page(String policy) {
    return ctx -> {
      ctx.response().putHeader(CONTENT_SECURITY_POLICY, policy);
      ctx.next();
    };
  }
}
