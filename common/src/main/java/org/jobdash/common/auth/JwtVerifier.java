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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Verifies ES256 access tokens locally against the user service's public keys (inline JWKs, or fetched from
 * its JWKS URL and fetched again when a token names an unknown {@code kid}). Verified tokens are cached until
 * they expire, so repeated reads pay no signature check.
 */
public final class JwtVerifier {

  private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);
  /** At most one fetch of the key set in this interval, however many unknown {@code kid}s arrive. */
  private static final long REFRESH_INTERVAL_MS = 5_000;
  /** The only algorithm the user service signs with, and so the only one a token may name. */
  static final String ALGORITHM = "ES256";
  /** A header naming an algorithm and a thumbprint is ~100 characters; anything far longer is not ours. */
  private static final int MAX_HEADER_CHARS = 1_024;
  private static final String REVOKED = "The session has ended; log in again";

  private final Vertx vertx;
  private final JwtSettings settings;
  private final WebClient http;
  private final Cache<String, AuthUser> verified;
  private volatile Set<String> knownKids = Set.of();
  private final long refreshIntervalMs;
  private volatile JWTAuth auth;
  private volatile Future<Void> refreshing;
  private volatile long lastRefresh;
  private final Revocations revocations;

  public JwtVerifier(Vertx vertx, JwtSettings settings) {
    this(vertx, settings, new Revocations(), REFRESH_INTERVAL_MS);
  }

  /** @param revocations the service's deny list: a revoked token is refused, and leaves the cache at once */
  public JwtVerifier(Vertx vertx, JwtSettings settings, Revocations revocations) {
    this(vertx, settings, revocations, REFRESH_INTERVAL_MS);
  }

  JwtVerifier(Vertx vertx, JwtSettings settings, long refreshIntervalMs) {
    this(vertx, settings, new Revocations(), refreshIntervalMs);
  }

  private JwtVerifier(Vertx vertx, JwtSettings settings, Revocations revocations, long refreshIntervalMs) {
    this.revocations = revocations;
    this.refreshIntervalMs = refreshIntervalMs;
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
    revocations.onRevoked(revoked -> verified.asMap().values().removeIf(caller -> Revocations.names(revoked, caller)));
  }

  /**
   * Uses these JWKs from now on (the user service calls this directly with its own keys). Only keys that can
   * verify an ES256 signature count: EC on P-256 with a {@code kid}, coordinates, and no other algorithm or use.
   * A set with none of them is refused and the keys already in force stay: vertx-auth-jwt given no key at all
   * would accept unsigned ({@code alg: none}) tokens.
   *
   * @return whether the set was taken
   */
  public boolean useKeys(List<JsonObject> jwks) {
    List<JsonObject> usable = usableKeys(jwks);
    if (usable.isEmpty()) {
      log.warn("refused a key set with no usable ES256 signing key ({} keys); the keys in force stay", jwks.size());
      return false;
    }
    JWTAuthOptions options = new JWTAuthOptions()
        .setJWTOptions(new JWTOptions()
            .setIssuer(settings.issuer())
            .setAudience(List.of(settings.audience()))
            .setLeeway(settings.leewaySeconds())
            .setIgnoreExpiration(false));
    Set<String> kids = new HashSet<>();
    for (JsonObject jwk : usable) {
      options.addJwk(jwk);
      kids.add(jwk.getString("kid"));
    }
    auth = JWTAuth.create(vertx, options);
    knownKids = Set.copyOf(kids);
    return true;
  }

  /** The keys of a set that can verify ES256 signatures, each with its {@code alg} stated. */
  static List<JsonObject> usableKeys(List<JsonObject> jwks) {
    List<JsonObject> usable = new ArrayList<>();
    for (Object o : jwks) {
      if (!(o instanceof JsonObject jwk)) {
        continue;
      }
      boolean signing = jwk.getValue("use") == null || "sig".equals(jwk.getValue("use"));
      boolean es256 = jwk.getValue("alg") == null || ALGORITHM.equals(jwk.getValue("alg"));
      if (signing && es256 && "EC".equals(jwk.getValue("kty")) && "P-256".equals(jwk.getValue("crv"))
          && nonEmpty(jwk.getValue("kid")) && nonEmpty(jwk.getValue("x")) && nonEmpty(jwk.getValue("y"))
          && jwk.getValue("d") == null) {
        usable.add(jwk.copy().put("alg", ALGORITHM));
      }
    }
    return usable;
  }

  private static boolean nonEmpty(Object value) {
    return value instanceof String s && !s.isEmpty();
  }

  /** The caller the token proves, or a failed future with a 401 problem. */
  public Future<AuthUser> verify(String token) {
    AuthUser cached = verified.getIfPresent(token);
    if (cached != null) {
      if (revocations.refuses(cached)) {
        return Future.failedFuture(new ApiException.Unauthorized(REVOKED));
      }
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
      return refreshKeys().transform(ignored -> check(token, kid));
    }
    return check(token, kid);
  }

  private Future<AuthUser> check(String token, String kid) {
    JWTAuth current = auth;
    if (current == null) {
      return Future.failedFuture(new ApiException.Unavailable("The token signing keys are not available yet"));
    }
    if (!knownKids.contains(kid)) {
      return Future.failedFuture(new ApiException.Unauthorized("The access token is invalid or expired"));
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
          if (revocations.refuses(caller)) {
            return Future.failedFuture(new ApiException.Unauthorized(REVOKED));
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
    // a token without iat cannot show it was issued after an account-wide revocation: it counts as issued at 0
    return new AuthUser(sub, sid, Set.copyOf(roles), claims.getLong("iat", 0L), exp);
  }

  /**
   * The {@code kid} from the token's header, or null when the token is not a three-part JWT whose header says
   * {@code ES256} and names a key: nothing else is ever verified.
   */
  static String kidOf(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.indexOf('.', dot + 1) < 0 || dot > MAX_HEADER_CHARS) {
      return null;
    }
    try {
      JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
          StandardCharsets.UTF_8));
      Object alg = header.getValue("alg");
      Object kid = header.getValue("kid");
      return ALGORITHM.equals(alg) && kid instanceof String k && !k.isEmpty() ? k : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private synchronized Future<Void> refreshKeys() {
    long now = System.currentTimeMillis();
    if (refreshing != null && (!refreshing.isComplete() || now - lastRefresh < refreshIntervalMs)) {
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
            List<JsonObject> set = new ArrayList<>();
            for (Object key : keys) {
              if (key instanceof JsonObject jwk) {
                set.add(jwk);
              }
            }
            useKeys(set);
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
