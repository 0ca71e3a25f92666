package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Where a service listens and what it accepts. */
public record HttpSettings(String host, int port, long bodyLimitBytes, List<String> trustedProxies) {

  public static HttpSettings from(JsonObject json, int defaultPort) {
    JsonArray proxies = json.getJsonArray("trustedProxies", new JsonArray());
    return new HttpSettings(
        json.getString("host", "0.0.0.0"),
        json.getInteger("port", defaultPort),
        json.getLong("bodyLimitBytes", 1_048_576L),
        proxies.stream().map(String::valueOf).toList());
  }
}
