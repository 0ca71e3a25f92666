package org.jobdash.common.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.jobdash.common.auth.Es256Keys;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens for testing the résumé and AI services alone: a key pair of the test's own, whose public JWK
 * the service under test is configured with ({@link #jwtConfig()}), signing tokens the way the user service does.
 */
public final class TestTokens {

  private final Es256Keys keys;
  private final JWTAuth signer;

  public TestTokens(Vertx vertx) {
    try {
      this.keys = Es256Keys.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.signer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.privateKeyPem()).setId(keys.kid())));
  }

  /** The {@code jwt} section for a service that should trust these tokens. */
  public JsonObject jwtConfig() {
    return new JsonObject().put("issuer", "jobdash-user-service").put("audience", "jobdash")
        .put("jwks", new JsonArray().add(keys.publicJwk()));
  }

  /** A valid 15-minute token for a new session of {@code userId}. */
  public String tokenFor(UUID userId) {
    return tokenFor(userId, List.of("user"));
  }

  /** The session id ({@code sid}) a token names. */
  public static UUID sessionOf(String token) {
    String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
    return UUID.fromString(new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(payload),
        java.nio.charset.StandardCharsets.UTF_8)).getString("sid"));
  }

  public String tokenFor(UUID userId, List<String> roles) {
    JsonObject claims = new JsonObject().put("sub", userId.toString()).put("sid", UUID.randomUUID().toString())
        .put("roles", new JsonArray(roles));
    return signer.generateToken(claims, new JWTOptions().setAlgorithm("ES256").setExpiresInSeconds(900)
        .setIssuer("jobdash-user-service").setAudience(List.of("jobdash"))
        .setHeader(new JsonObject().put("kid", keys.kid())));
  }
}
