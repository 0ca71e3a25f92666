package org.jobdash.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.jobdash.common.http.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier against a local JWKS server that answers what a broken or hostile key endpoint could: an empty set,
 * a set of only an encryption key, a rotated set, garbage. Unsigned and foreign-algorithm tokens never pass, and
 * an unusable set leaves the keys already known in force.
 */
class KeySetsThatCannotOpenTheDoorTest {

  private static final String ISSUER = "jobdash-user-service";
  private static final String AUDIENCE = "jobdash";

  private Vertx vertx;
  private HttpServer server;
  private final AtomicReference<String> answer = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("content-type", "application/json")
            .end(answer.get()))
        .listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await();
  }

  private JwtVerifier verifierOfServer() {
    return new JwtVerifier(vertx, new JwtSettings(ISSUER, AUDIENCE,
        "http://127.0.0.1:" + server.actualPort() + "/.well-known/jwks.json", List.of(), 5, 1_000), 0);
  }

  private static JsonObject set(JsonObject... keys) {
    return new JsonObject().put("keys", new JsonArray(List.of((Object[]) keys)));
  }

  @Test
  void anEmptyKeySetAcceptsNoUnsignedAdminToken() throws Exception {
    answer.set(set().encode());
    JwtVerifier verifier = verifierOfServer();

    Throwable failure = failureOf(verifier.verify(unsigned("none", "")));
    Throwable withKid = failureOf(verifier.verify(unsigned("none", "some-kid")));

    assertThat(failure).isInstanceOf(ApiException.Unauthorized.class);
    assertThat(withKid).isInstanceOf(ApiException.class);
    assertThat(((ApiException) withKid).status()).isIn(401, 503);
  }

  @Test
  void aSetOfOnlyAnEncryptionKeyIsRefused() throws Exception {
    Es256Keys keys = Es256Keys.generate();
    answer.set(set(keys.publicJwk().copy().put("use", "enc")).encode());
    JwtVerifier verifier = verifierOfServer();

    Throwable forged = failureOf(verifier.verify(unsigned("none", keys.kid())));
    Throwable signed = failureOf(verifier.verify(signed(keys, UUID.randomUUID())));

    assertThat(((ApiException) forged).status()).isIn(401, 503);
    assertThat(((ApiException) signed).status()).isIn(401, 503);
  }

  @Test
  void aRotatedSetIsTakenAndAnUnusableOneLeavesTheKnownKeysInForce() throws Exception {
    Es256Keys first = Es256Keys.generate();
    Es256Keys second = Es256Keys.generate();
    answer.set(set(first.publicJwk()).encode());
    JwtVerifier verifier = verifierOfServer();
    UUID user = UUID.randomUUID();

    assertThat(verifier.verify(signed(first, user)).await(5, TimeUnit.SECONDS).userId()).isEqualTo(user);

    answer.set(set(second.publicJwk()).encode());
    assertThat(verifier.verify(signed(second, user)).await(5, TimeUnit.SECONDS).userId()).isEqualTo(user);

    // the endpoint goes bad: an empty set, then garbage; the rotated key stays in force
    assertThat(verifier.useKeys(List.of())).isFalse();
    answer.set("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"x\"}]}");
    assertThat(failureOf(verifier.verify(unsigned("HS256", "x")))).isInstanceOf(ApiException.Unauthorized.class);
    assertThat(verifier.verify(signed(second, UUID.randomUUID())).await(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(failureOf(verifier.verify(unsigned("none", second.kid()))))
        .isInstanceOf(ApiException.Unauthorized.class);
  }

  @Test
  void onlyEs256KeysWithAKidOnTheCurveCount() throws Exception {
    JsonObject good = Es256Keys.generate().publicJwk();

    assertThat(JwtVerifier.usableKeys(List.of(good))).hasSize(1);
    JsonObject noAlgorithm = good.copy();
    noAlgorithm.remove("alg");
    noAlgorithm.remove("use");
    assertThat(JwtVerifier.usableKeys(List.of(noAlgorithm))).singleElement()
        .satisfies(key -> assertThat(key.getString("alg")).isEqualTo("ES256"));
    assertThat(JwtVerifier.usableKeys(List.of(good.copy().put("use", "enc")))).isEmpty();
    assertThat(JwtVerifier.usableKeys(List.of(good.copy().put("alg", "RS256")))).isEmpty();
    assertThat(JwtVerifier.usableKeys(List.of(good.copy().put("crv", "P-384")))).isEmpty();
    assertThat(JwtVerifier.usableKeys(List.of(good.copy().putNull("kid")))).isEmpty();
    assertThat(JwtVerifier.usableKeys(List.of(good.copy().put("d", "private")))).isEmpty();
    assertThat(JwtVerifier.usableKeys(List.of(new JsonObject().put("kty", "oct").put("k", "c2VjcmV0")
        .put("kid", "h")))).isEmpty();
  }

  @Test
  void theHeaderMustSayEs256AndNameAKey() {
    assertThat(JwtVerifier.kidOf(header("{\"alg\":\"ES256\",\"kid\":\"k1\"}") + ".e30.sig")).isEqualTo("k1");
    assertThat(JwtVerifier.kidOf(header("{\"alg\":\"none\",\"kid\":\"k1\"}") + ".e30.")).isNull();
    assertThat(JwtVerifier.kidOf(header("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + ".e30.sig")).isNull();
    assertThat(JwtVerifier.kidOf(header("{\"alg\":\"ES256\"}") + ".e30.sig")).isNull();
    assertThat(JwtVerifier.kidOf(header("{\"alg\":\"ES256\",\"kid\":7}") + ".e30.sig")).isNull();
    assertThat(JwtVerifier.kidOf("not-a-token")).isNull();
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    try {
      future.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("the token was accepted");
  }

  private String signed(Es256Keys keys, UUID user) {
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.privateKeyPem()).setId(keys.kid())));
    return signer.generateToken(claims(user), new JWTOptions().setAlgorithm("ES256").setExpiresInSeconds(900)
        .setIssuer(ISSUER).setAudience(List.of(AUDIENCE)).setHeader(new JsonObject().put("kid", keys.kid())));
  }

  private static JsonObject claims(UUID user) {
    return new JsonObject().put("sub", user.toString()).put("sid", UUID.randomUUID().toString())
        .put("roles", new JsonArray().add("admin")).put("iss", ISSUER).put("aud", AUDIENCE)
        .put("exp", System.currentTimeMillis() / 1000 + 900);
  }

  /** A token with this header algorithm and an empty or made-up signature: what an attacker can always make. */
  private static String unsigned(String alg, String kid) {
    JsonObject header = new JsonObject().put("alg", alg).put("typ", "JWT");
    if (!kid.isEmpty()) {
      header.put("kid", kid);
    }
    String body = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims(UUID.randomUUID()).encode().getBytes(StandardCharsets.UTF_8));
    return header(header.encode()) + "." + body + "." + ("none".equals(alg) ? "" : "c2ln");
  }

  private static String header(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
