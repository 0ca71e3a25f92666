package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;

/** Where a service listens and what it accepts. */
public record HttpSettings(String host, int port, long bodyLimitBytes, List<String> trustedProxies, Limits limits) {

  /**
   * What one connection may send, and how slowly, before it is answered with a problem or closed.
   *
   * @param maxInitialLineLength longest request line (method, path and query) in characters; longer is a 414
   * @param maxHeaderSize        most bytes of request headers; more is a 431
   * @param headerTimeout        a connection that has not delivered a whole request head this long after it opened
   *                             or after its previous response is closed
   * @param bodyGrace            how long a request body may take before its rate is checked
   * @param minBodyBytesPerSecond after {@code bodyGrace}, the slowest average a body may arrive at, counted from the
   *                             end of its headers
   * @param bodyTimeout          the longest a body may take in all
   * @param maxConnections       open connections allowed on the port (every instance together); 0 for no cap
   */
  public record Limits(int maxInitialLineLength, int maxHeaderSize, Duration headerTimeout, Duration bodyGrace,
                       long minBodyBytesPerSecond, Duration bodyTimeout, int maxConnections) {

    public static Limits from(JsonObject http) {
      return new Limits(
          http.getInteger("maxInitialLineLength", 4096),
          http.getInteger("maxHeaderSize", 8192),
          Duration.ofSeconds(http.getLong("headerTimeoutSeconds", 10L)),
          Duration.ofSeconds(http.getLong("bodyGraceSeconds", 10L)),
          http.getLong("minBodyBytesPerSecond", 4096L),
          Duration.ofSeconds(http.getLong("bodyTimeoutSeconds", 300L)),
          http.getInteger("maxConnections", 0));
    }
  }

  public static HttpSettings from(JsonObject json, int defaultPort) {
    JsonArray proxies = json.getJsonArray("trustedProxies", new JsonArray());
    String host = json.getString("host");
    return new HttpSettings(
        host == null ? "0.0.0.0" : host,
        json.getInteger("port", defaultPort),
        json.getLong("bodyLimitBytes", 1_048_576L),
        proxies.stream().map(String::valueOf).toList(),
        Limits.from(json));
  }
}
