package org.jobdash.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.auth.Es256Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class TokenSecurityAndAdminTest {

  static final String ADMIN = UserHarness.unique("boss") + "@example.com";
  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start(ADMIN);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String sign(Es256Keys keys, JsonObject claims, JWTOptions options) {
    JWTAuth auth = JWTAuth.create(h.vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.privateKeyPem()).setId(keys.kid())));
    return auth.generateToken(claims, options.setAlgorithm("ES256").setHeader(new JsonObject().put("kid", keys.kid())));
  }

  private static JsonObject claimsOf(UserHarness.Login l) {
    return new JsonObject().put("sub", l.account().id().toString()).put("sid", l.sessionId().toString())
        .put("roles", new JsonArray().add("user").add("admin"));
  }

  private static JWTOptions valid() {
    return new JWTOptions().setIssuer("jobdash-user-service").setAudience(List.of("jobdash")).setExpiresInSeconds(600);
  }

  @Test
  void jwksPublishesThePublicKeyOnly() {
    TestClient.Response r = h.http.get("/.well-known/jwks.json", null);
    JsonObject key = r.json().getJsonArray("keys").getJsonObject(0);
    assertThat(key.getString("kty")).isEqualTo("EC");
    assertThat(key.getString("alg")).isEqualTo("ES256");
    assertThat(key.getString("kid")).isEqualTo(h.keys.kid());
    assertThat(key.containsKey("d")).isFalse();
  }

  @Test
  void issuedTokensCarryTheDocumentedClaims() {
    UserHarness.Login l = h.registerAndLogin();
    String[] parts = l.accessToken().split("\\.");
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertThat(header.getString("alg")).isEqualTo("ES256");
    assertThat(header.getString("kid")).isEqualTo(h.keys.kid());
    assertThat(claims.getString("sub")).isEqualTo(l.account().id().toString());
    assertThat(claims.getString("sid")).isEqualTo(l.sessionId().toString());
    assertThat(claims.getString("iss")).isEqualTo("jobdash-user-service");
    assertThat(claims.getValue("aud").toString()).contains("jobdash");
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900L);
  }

  @Test
  void tamperedExpiredWrongKeyAndUnsignedTokensAreRefused() throws Exception {
    UserHarness.Login l = h.registerAndLogin();
    String[] parts = l.accessToken().split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("roles", new JsonArray().add("user").add("admin"));
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    String noneHeader = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String unsigned = noneHeader + "." + parts[1] + ".";
    String expired = sign(h.keys, claimsOf(l).put("exp", System.currentTimeMillis() / 1000 - 120),
        new JWTOptions().setIssuer("jobdash-user-service").setAudience(List.of("jobdash")).setNoTimestamp(true));
    Es256Keys other = Es256Keys.generate();
    String wrongKey = sign(new Es256Keys(other.privateKeyPem(), other.publicKeyPem(), h.keys.kid(), other.publicJwk()),
        claimsOf(l), valid());
    String wrongAudience = sign(h.keys, claimsOf(l), new JWTOptions().setIssuer("jobdash-user-service")
        .setAudience(List.of("somebody-else")).setExpiresInSeconds(600));

    for (String token : new String[] {tampered, unsigned, expired, wrongKey, wrongAudience, "garbage", parts[0]}) {
      TestClient.Response r = h.http.get("/api/v1/users/me", token);
      assertThat(r.status()).as(token).isEqualTo(401);
      assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(h.http.get("/api/v1/users/me", sign(h.keys, claimsOf(l), valid())).status()).isEqualTo(200);
  }

  @Test
  void adminEndpointsNeedTheAdminRole() {
    UserHarness.Login user = h.registerAndLogin();
    for (String path : new String[] {"/api/v1/admin/sessions/active", "/api/v1/admin/users?query=a"}) {
      assertThat(h.http.get(path, null).status()).isEqualTo(401);
      assertThat(h.http.get(path, user.accessToken()).status()).isEqualTo(403);
    }
    assertThat(h.http.put("/api/v1/admin/users/" + user.account().id() + "/subscription",
        new JsonObject().put("tier", "premium"), user.accessToken()).status()).isEqualTo(403);
  }

  @Test
  void aBootstrapAdminIsAnAdminOnlyOnceTheAddressIsVerified() {
    String email = UserHarness.unique("ops") + "@example.com";
    try (UserHarness own = UserHarness.start(email)) {
      UserHarness.Account account = own.register(email);
      UserHarness.Login unverified = own.login(account);
      assertThat(own.http.get("/api/v1/users/me", unverified.accessToken()).json().getJsonArray("roles"))
          .containsExactly("user");
      assertThat(own.http.get("/api/v1/admin/users?query=a", unverified.accessToken()).status()).isEqualTo(403);

      UserHarness.Login verified = own.login(own.verified(account));
      assertThat(own.http.get("/api/v1/admin/users?query=a", verified.accessToken()).status()).isEqualTo(200);
      assertThat(own.count("SELECT count(*) FROM users WHERE id = $1 AND roles = '{user,admin}'", account.id()))
          .isEqualTo(1);
    }
  }

  @Test
  void adminSeesActiveSessionsSearchesUsersAndSetsSubscriptions() {
    UserHarness.Login admin = h.login(h.verified(h.register(ADMIN)));
    UserHarness.Login nurse = h.registerAndLogin();
    h.http.patch("/api/v1/users/me", new JsonObject().put("title", "Paediatric Nurse"), nurse.accessToken());

    JsonArray sessions = h.http.get("/api/v1/admin/sessions/active", admin.accessToken()).json().getJsonArray("items");
    assertThat(sessions.stream().map(JsonObject.class::cast).map(s -> s.getString("userId")))
        .contains(nurse.account().id().toString());

    TestClient.Response found = h.http.get("/api/v1/admin/users?query=PAEDIATRIC", admin.accessToken());
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().getJsonArray("items").stream().map(JsonObject.class::cast).map(u -> u.getString("id")))
        .containsExactly(nurse.account().id().toString());
    assertThat(h.http.get("/api/v1/admin/users?query=%25", admin.accessToken()).json().getJsonArray("items"))
        .isEmpty();

    TestClient.Response sub = h.http.put("/api/v1/admin/users/" + nurse.account().id() + "/subscription",
        new JsonObject().put("tier", "premium").put("expiresAt", "2027-12-31T00:00:00Z"), admin.accessToken());
    assertThat(sub.status()).as(sub.toString()).isEqualTo(200);
    assertThat(sub.json().getString("subscriptionTier")).isEqualTo("premium");
    assertThat(sub.json().getString("subscriptionExpiresAt")).isEqualTo("2027-12-31T00:00:00Z");
    assertThat(h.http.put("/api/v1/admin/users/" + java.util.UUID.randomUUID() + "/subscription",
        new JsonObject().put("tier", "premium"), admin.accessToken()).status()).isEqualTo(404);
    assertThat(h.http.put("/api/v1/admin/users/" + nurse.account().id() + "/subscription",
        new JsonObject().put("tier", "platinum"), admin.accessToken()).status()).isEqualTo(400);
  }
}
