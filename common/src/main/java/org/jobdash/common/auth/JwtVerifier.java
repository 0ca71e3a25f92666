package org.jobdash.common.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.jobdash.common.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Verifies ES256 access tokens locally against the user service's public keys (inline JWKs, or fetched from
 * its JWKS URL and fetched again when a token names an unknown {@code kid}). Verified tokens are cached until
 * they expire, so repeated reads pay no signature check.
 */
public final class JwtVerifier {

  private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);
  private static final long REFRESH_INTERVAL_MS = 5_000;

  private final Vertx vertx;
  private final JwtSettings settings;
  private final WebClient http;
  private final Cache<String, AuthUser> verified;
  private final Set<String> knownKids = ConcurrentHashMap.newKeySet();
  private volatile JWTAuth auth;
  private volatile Future<Void> refreshing;
  private volatile long lastRefresh;

  public JwtVerifier(Vertx vertx, JwtSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.http = settings.jwksUrl() == null ? null
        : WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000).setIdleTimeout(10));
    this.verified = Caffeine.newBuilder()
        .maximumSize(settings.cacheSize())
        .expireAfter(new Expiry<String, AuthUser>() {
          @Override
          public long expireAfterCreate(String key, AuthUser value, long currentTime) {
            long seconds = value.expiresAtEpochSecond() - System.currentTimeMillis() / 1000;
            return TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
          }

          @Override
          public long expireAfterUpdate(String key, AuthUser value, long currentTime, long currentDuration) {
            return currentDuration;
          }

          @Override
          public long expireAfterRead(String key, AuthUser value, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .build();
    if (!settings.jwks().isEmpty()) {
      useKeys(settings.jwks());
    }
  }

  /** Uses these JWKs from now on (the user service calls this directly with its own keys). */
  public void useKeys(List<JsonObject> jwks) {
    JWTAuthOptions options = new JWTAuthOptions()
        .setJWTOptions(new JWTOptions()
            .setIssuer(settings.issuer())
            .setAudience(List.of(settings.audience()))
            .setLeeway(settings.leewaySeconds())
            .setIgnoreExpiration(false));
    knownKids.clear();
    for (JsonObject jwk : jwks) {
      options.addJwk(jwk);
      if (jwk.getString("kid") != null) {
        knownKids.add(jwk.getString("kid"));
      }
    }
    auth = JWTAuth.create(vertx, options);
  }

  /** The caller the token proves, or a failed future with a 401 problem. */
  public Future<AuthUser> verify(String token) {
    AuthUser cached = verified.getIfPresent(token);
    if (cached != null) {
      if (cached.expiresAtEpochSecond() > System.currentTimeMillis() / 1000) {
        return Future.succeededFuture(cached);
      }
      verified.invalidate(token);
    }
    String kid = kidOf(token);
    if (kid == null) {
      return Future.failedFuture(new ApiException.Unauthorized("The access token is malformed"));
    }
    if ((auth == null || !knownKids.contains(kid)) && http != null) {
      return refreshKeys().transform(ignored -> check(token));
    }
    return check(token);
  }

  private Future<AuthUser> check(String token) {
    JWTAuth current = auth;
    if (current == null) {
      return Future.failedFuture(new ApiException.Unavailable("The token signing keys are not available yet"));
    }
    return current.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new ApiException.Unauthorized("The access token is invalid or expired")))
        .compose(user -> {
          // vertx-auth-jwt keeps the decoded claims under the "accessToken" attribute
          JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
          AuthUser caller;
          try {
            caller = toAuthUser(claims);
          } catch (RuntimeException e) {
            return Future.failedFuture(new ApiException.Unauthorized("The access token lacks required claims"));
          }
          verified.put(token, caller);
          return Future.succeededFuture(caller);
        });
  }

  static AuthUser toAuthUser(JsonObject claims) {
    UUID sub = UUID.fromString(claims.getString("sub"));
    UUID sid = UUID.fromString(claims.getString("sid"));
    Long exp = claims.getLong("exp");
    if (exp == null) {
      throw new IllegalArgumentException("no exp");
    }
    Set<String> roles = new HashSet<>();
    JsonArray array = claims.getJsonArray("roles", new JsonArray());
    for (Object r : array) {
      roles.add(String.valueOf(r));
    }
    return new AuthUser(sub, sid, Set.copyOf(roles), exp);
  }

  /** The {@code kid} from the token's header, or null when the token is not a three-part JWT. */
  static String kidOf(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.indexOf('.', dot + 1) < 0) {
      return null;
    }
    try {
      JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
          StandardCharsets.UTF_8));
      return header.getString("kid", "");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private synchronized Future<Void> refreshKeys() {
    long now = System.currentTimeMillis();
    if (refreshing != null && (!refreshing.isComplete() || now - lastRefresh < REFRESH_INTERVAL_MS)) {
      return refreshing;
    }
    lastRefresh = now;
    Promise<Void> promise = Promise.promise();
    refreshing = promise.future();
    http.getAbs(settings.jwksUrl()).timeout(3_000).send()
        .onSuccess(response -> {
          try {
            if (response.statusCode() != 200) {
              throw new IllegalStateException("status " + response.statusCode());
            }
            JsonArray keys = response.bodyAsJsonObject().getJsonArray("keys");
            useKeys(keys.stream().map(JsonObject.class::cast).toList());
            promise.complete();
          } catch (RuntimeException e) {
            log.warn("cannot use the keys at {}: {}", settings.jwksUrl(), e.getMessage());
            promise.complete();
          }
        })
        .onFailure(e -> {
          log.warn("cannot fetch the keys at {}: {}", settings.jwksUrl(), e.toString());
          promise.complete();
        });
    return refreshing;
  }
}
