package org.jobdash.common.http;

import io.vertx.core.Handler;
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

  private SecurityHeaders() {}

  /** Puts every header through {@code put} (a server response, or a proxied one). */
  public static void each(BiConsumer<String, String> put) {
    HEADERS.forEach(put);
  }

  /** The first handler of a router: the headers are on the answer whatever answers later, a problem included. */
  static void apply(RoutingContext ctx) {
    each(ctx.response()::putHeader);
    ctx.next();
  }

  /** For the routes of a page that loads its own scripts and styles: its policy replaces the API's. */
  public static Handler<RoutingContext> page(String policy) {
    return ctx -> {
      ctx.response().putHeader(CONTENT_SECURITY_POLICY, policy);
      ctx.next();
    };
  }
}
