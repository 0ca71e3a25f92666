package org.jobdash.common.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * How a service checks access tokens: the expected issuer and audience, and where the public keys come from
 * (a JWKS URL of the user service, or keys given inline as JWKs).
 */
public record JwtSettings(String issuer, String audience, String jwksUrl, List<JsonObject> jwks,
                         int leewaySeconds, int cacheSize) {

  public static JwtSettings from(JsonObject json) {
    List<JsonObject> keys = new ArrayList<>();
    JsonArray inline = json.getJsonArray("jwks", new JsonArray());
    for (int i = 0; i < inline.size(); i++) {
      keys.add(inline.getJsonObject(i));
    }
    return new JwtSettings(
        json.getString("issuer", "jobdash-user-service"),
        json.getString("audience", "jobdash"),
        json.getString("jwksUrl"),
        keys,
        json.getInteger("leewaySeconds", 5),
        json.getInteger("cacheSize", 100_000));
  }
}
