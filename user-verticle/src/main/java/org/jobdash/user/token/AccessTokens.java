package org.jobdash.user.token;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.jobdash.common.auth.Es256Keys;
import org.jobdash.user.UserConfig;
import org.jobdash.user.session.SessionRepository;

import java.util.List;
import java.util.UUID;

/**
 * Signs short-lived ES256 access tokens carrying {@code sub}, {@code sid}, {@code roles}, {@code aal}, {@code amr},
 * {@code iss}, {@code aud}.
 */
public final class AccessTokens {

  private final JWTAuth signer;
  private final JWTOptions options;
  private final Es256Keys keys;
  private final long ttlSeconds;

  public AccessTokens(Vertx vertx, Es256Keys keys, UserConfig.Jwt config) {
    this.keys = keys;
    this.ttlSeconds = config.accessTokenTtl().toSeconds();
    this.signer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.privateKeyPem()).setId(keys.kid()))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.publicKeyPem()).setId(keys.kid())));
    this.options = new JWTOptions()
        .setAlgorithm("ES256")
        .setExpiresInSeconds((int) ttlSeconds)
        .setIssuer(config.issuer())
        .setAudience(List.of(config.audience()))
        .setHeader(new JsonObject().put("kid", keys.kid()));
  }

  public String issue(UUID userId, UUID sessionId, List<String> roles, SessionRepository.Assurance assurance) {
    JsonObject claims = new JsonObject()
        .put("sub", userId.toString())
        .put("sid", sessionId.toString())
        .put("roles", new JsonArray(roles))
        .put("aal", assurance.aal())
        .put("amr", new JsonArray(assurance.amr()));
    return signer.generateToken(claims, options);
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  /** The published key set ({@code /.well-known/jwks.json}). */
  public JsonObject jwks() {
    return new JsonObject().put("keys", new JsonArray().add(keys.publicJwk()));
  }

  public List<JsonObject> publicJwks() {
    return List.of(keys.publicJwk());
  }
}
