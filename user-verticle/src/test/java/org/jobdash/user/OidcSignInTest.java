package org.jobdash.user;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.ContractAnswers;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with an OpenID provider that runs in the test (mock-oauth2-server: discovery, JWKS, authorize and token
 * endpoints over HTTP), driven as a browser would: our authorize, the provider's authorize, our callback, then the
 * exchange of the one-time code.
 */
@ExtendWith(BlockedThreadGuard.class)
class OidcSignInTest {

  static final String APP = "https://app.example.com/auth/callback";
  static final String CLIENT = "jobdash-test";
  static MockOAuth2Server provider;
  static UserHarness h;
  static ContractAnswers answers;
  static WebClient browser;

  @BeforeAll
  static void start() throws Exception {
    provider = new MockOAuth2Server(new OAuth2Config(false));
    provider.start(InetAddress.getByName("127.0.0.1"), TestClient.freePort());
    int port = TestClient.freePort();
    JsonObject test = new JsonObject().put("issuer", provider.issuerUrl("test").toString()).put("clientId", CLIENT)
        .put("clientSecret", "not-a-real-secret").put("redirectUris", APP + ",https://other.example.com/cb");
    h = UserHarness.start(new JsonObject()
        .put("http", new JsonObject().put("port", port))
        .put("oidc", new JsonObject().put("callbackBaseUrl", "http://127.0.0.1:" + port)
            .put("providers", new JsonObject().put("test", test))));
    answers = ContractAnswers.load(h.vertx, "openapi/user-service.yaml");
    browser = WebClient.create(h.vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() {
    h.close();
    provider.shutdown();
  }

  /** The provider's next sign-in is of {@code subject} with these claims. */
  private static void nextPerson(String subject, String email, Object emailVerified) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", email);
    claims.put("email_verified", emailVerified);
    claims.put("name", "Ada Okafor");
    provider.enqueueCallback(new DefaultOAuth2TokenCallback("test", subject, "JWT", List.of(CLIENT), claims, 3600));
  }

  private static TestClient.Response get(String url) {
    HttpResponse<Buffer> r = browser.getAbs(url).send().await();
    return new TestClient.Response(r.statusCode(), r.headers(), r.body());
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new HashMap<>();
    String q = URI.create(url).getRawQuery();
    for (String pair : q == null ? new String[0] : q.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String base() {
    return "http://127.0.0.1:" + h.http.port();
  }

  /** Our authorize, the provider's authorize, our callback: where the browser ends up (the app's address). */
  private static String signInThroughTheProvider(String clientState) {
    TestClient.Response start = answers.check("startOidcSignIn", get(base()
        + "/api/v1/auth/oidc/test/authorize?redirectUri=" + java.net.URLEncoder.encode(APP, StandardCharsets.UTF_8)
        + "&state=" + clientState), 302);
    String toProvider = start.header("Location");
    Map<String, String> request = query(toProvider);
    assertThat(toProvider).startsWith(provider.authorizationEndpointUrl("test").toString());
    assertThat(request).containsEntry("code_challenge_method", "S256").containsEntry("client_id", CLIENT)
        .containsEntry("response_type", "code").containsKey("code_challenge").containsKey("nonce")
        .containsKey("state");
    assertThat(request.get("state")).isNotEqualTo(clientState);
    assertThat(request.get("scope")).contains("openid").contains("email");
    // the provider's login is not interactive here: it answers with a redirect to our callback at once
    TestClient.Response fromProvider = get(toProvider);
    assertThat(fromProvider.status()).as(fromProvider.toString()).isEqualTo(302);
    String callback = fromProvider.header("Location");
    assertThat(callback).startsWith(base() + "/api/v1/auth/oidc/test/callback?");
    TestClient.Response back = answers.check("finishOidcSignIn", get(callback), 302);
    String app = back.header("Location");
    assertThat(app).startsWith(APP + "?");
    assertThat(query(app)).containsEntry("state", clientState);
    // the callback's state is spent: the same answer again has nowhere to go
    answers.check("finishOidcSignIn", get(callback), 400);
    return app;
  }

  private static TestClient.Response exchange(String code) {
    return h.http.post("/api/v1/auth/oidc/exchange", new JsonObject().put("code", code), null);
  }

  @Test
  void aNewPersonGetsANewVerifiedAccountAndTheSameOneNextTime() {
    String subject = "sub-" + UUID.randomUUID();
    String email = UserHarness.unique("oidc") + "@example.com";
    nextPerson(subject, email, true);
    String code = query(signInThroughTheProvider("s1")).get("code");
    assertThat(h.count("SELECT count(*) FROM oidc_exchange_codes WHERE code_hash = sha256(convert_to($1, 'UTF8'))",
        code)).as("only the code's hash is kept").isEqualTo(1);
    JsonObject tokens = answers.check("exchangeOidcCode", exchange(code), 200).json();
    assertThat(tokens.getJsonObject("user").getString("email")).isEqualTo(email);
    assertThat(tokens.getJsonObject("user").getBoolean("emailVerified")).isTrue();
    JsonObject claims = AuthenticatorApp.claims(tokens.getString("accessToken"));
    assertThat(claims.getJsonArray("amr").getList()).containsExactly("oidc");
    assertThat(claims.getString("aal")).isEqualTo("aal1");
    // once
    answers.check("exchangeOidcCode", exchange(code), 400);

    JsonArray identities = answers.check("listIdentities", h.http.get("/api/v1/users/me/identities",
        tokens.getString("accessToken")), 200).json().getJsonArray("items");
    assertThat(identities).hasSize(1);
    assertThat(identities.getJsonObject(0).getString("provider")).isEqualTo("test");
    assertThat(identities.getJsonObject(0).containsKey("subject")).isFalse();

    // the same subject, even under another address, is the same account
    nextPerson(subject, UserHarness.unique("renamed") + "@example.com", true);
    JsonObject again = exchange(query(signInThroughTheProvider("s2")).get("code")).json();
    assertThat(again.getJsonObject("user").getString("id")).isEqualTo(tokens.getJsonObject("user").getString("id"));
    assertThat(h.count("SELECT count(*) FROM users WHERE lower(email) = lower($1)", email)).isEqualTo(1);
    // an account without a password: the password sign-in refuses it like any wrong password
    assertThat(h.http.post("/api/v1/auth/login", new JsonObject().put("login", email).put("password", "anything"),
        null).status()).isEqualTo(401);
  }

  @Test
  void anAddressVerifiedOnBothSidesIsLinkedAndOtherwiseNot() {
    UserHarness.Account ours = h.verified(h.register());
    nextPerson("sub-" + UUID.randomUUID(), ours.email(), false);
    Map<String, String> refused = query(signInThroughTheProvider("s3"));
    assertThat(refused).containsEntry("error", "email_in_use").doesNotContainKey("code");
    assertThat(h.count("SELECT count(*) FROM user_identities WHERE user_id = $1", ours.id())).isZero();

    nextPerson("sub-" + UUID.randomUUID(), ours.email(), "true");
    JsonObject tokens = exchange(query(signInThroughTheProvider("s4")).get("code")).json();
    assertThat(tokens.getJsonObject("user").getString("id")).isEqualTo(ours.id().toString());
    assertThat(h.count("SELECT count(*) FROM user_identities WHERE user_id = $1", ours.id())).isEqualTo(1);

    // our address unverified: even a provider's verified one does not take the account
    UserHarness.Account unverified = h.register();
    nextPerson("sub-" + UUID.randomUUID(), unverified.email(), true);
    assertThat(query(signInThroughTheProvider("s5"))).containsEntry("error", "email_in_use");
    assertThat(h.count("SELECT count(*) FROM user_identities WHERE user_id = $1", unverified.id())).isZero();
  }

  @Test
  void anAccountWithASecondFactorStillNeedsItsCode() {
    UserHarness.Account ours = h.verified(h.register());
    UserHarness.Login login = h.login(ours);
    JsonObject factor = h.http.post("/api/v1/auth/mfa/factors", null, login.accessToken()).json();
    long step = AuthenticatorApp.freshStep();
    assertThat(h.http.post("/api/v1/auth/mfa/factors/" + factor.getString("id") + "/verify", new JsonObject()
        .put("code", AuthenticatorApp.code(factor.getString("secret"), step - 1)), login.accessToken()).status())
        .isEqualTo(200);
    nextPerson("sub-" + UUID.randomUUID(), ours.email(), true);
    JsonObject pending = answers.check("exchangeOidcCode", exchange(query(signInThroughTheProvider("s6"))
        .get("code")), 200).json();
    assertThat(pending.getBoolean("mfaRequired")).isTrue();
    assertThat(pending.containsKey("accessToken")).isFalse();
    JsonObject tokens = h.http.post("/api/v1/auth/mfa/challenge", new JsonObject()
        .put("mfaToken", pending.getString("mfaToken"))
        .put("code", AuthenticatorApp.code(factor.getString("secret"), step)), null).json();
    JsonObject claims = AuthenticatorApp.claims(tokens.getString("accessToken"));
    assertThat(claims.getJsonArray("amr").getList()).containsExactly("oidc", "otp");
    assertThat(claims.getString("aal")).isEqualTo("aal2");
  }

  @Test
  void onlyListedRedirectsKnownProvidersAndOurOwnStatesAreAccepted() {
    String authorize = base() + "/api/v1/auth/oidc/test/authorize?redirectUri=";
    assertThat(answers.check("startOidcSignIn", get(authorize + "https%3A%2F%2Fevil.example.com%2Fcb"), 400).json()
        .getString("detail")).contains("redirectUri");
    answers.check("startOidcSignIn", get(authorize + java.net.URLEncoder.encode(APP + "/more",
        StandardCharsets.UTF_8)), 400);
    answers.check("startOidcSignIn", get(base() + "/api/v1/auth/oidc/test/authorize"), 400);
    answers.check("startOidcSignIn", get(base() + "/api/v1/auth/oidc/nobody/authorize?redirectUri=" + APP), 404);
    answers.check("finishOidcSignIn", get(base() + "/api/v1/auth/oidc/test/callback?code=x&state="
        + "A".repeat(43)), 400);
    answers.check("finishOidcSignIn", get(base() + "/api/v1/auth/oidc/test/callback?code=x"), 400);
    answers.check("exchangeOidcCode", exchange("B".repeat(43)), 400);
    answers.check("exchangeOidcCode", h.http.post("/api/v1/auth/oidc/exchange", new JsonObject(), null), 400);
    answers.check("listIdentities", h.http.get("/api/v1/users/me/identities", null), 401);

    // a provider's refusal comes back to the app as an error, and spends the state
    TestClient.Response start = get(authorize + java.net.URLEncoder.encode(APP, StandardCharsets.UTF_8));
    String state = query(start.header("Location")).get("state");
    TestClient.Response denied = answers.check("finishOidcSignIn", get(base()
        + "/api/v1/auth/oidc/test/callback?error=access_denied&state=" + state), 302);
    assertThat(query(denied.header("Location"))).containsEntry("error", "access_denied");
    answers.check("finishOidcSignIn", get(base() + "/api/v1/auth/oidc/test/callback?code=x&state=" + state), 400);
  }
}
