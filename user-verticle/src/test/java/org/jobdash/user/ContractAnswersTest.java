package org.jobdash.user;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.ContractAnswers;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the user service's OpenAPI document, driven over HTTP through its successes and the problems
 * a client can provoke, each answer checked against the document (status documented, headers and body valid
 * against their schemas).
 */
@ExtendWith(BlockedThreadGuard.class)
class ContractAnswersTest {

  static final String ADMIN = "contract-ops" + UserHarness.ADMIN_EMAIL_DOMAIN;
  static UserHarness h;
  static ContractAnswers answers;

  @BeforeAll
  static void start() {
    // the rate limits on, at their defaults: the throttled answer is one of the documented ones
    h = UserHarness.start(new JsonObject().put("rateLimits", new JsonObject().put("enabled", true)), ADMIN);
    answers = ContractAnswers.load(h.vertx, "openapi/user-service.yaml");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static TestClient.Response check(String operationId, TestClient.Response r, int status) {
    return answers.check(operationId, r, status);
  }

  @Test
  void everyOperationAnswersAsItsDocumentSays() {
    TestClient http = h.http;
    String email = UserHarness.unique("contract") + "@example.com";
    String username = UserHarness.unique("contract_");
    String password = "Sturdy-" + UUID.randomUUID();

    // registration and verification
    JsonObject registration = new JsonObject().put("email", email).put("username", username)
        .put("password", password).put("fullName", "Ada Okafor");
    String id = check("registerUser", http.post("/api/v1/auth/register", registration, null), 201).json()
        .getString("id");
    check("registerUser", http.post("/api/v1/auth/register", registration, null), 409);
    check("registerUser", http.post("/api/v1/auth/register", registration.copy().put("email", "not-an-address"),
        null), 400);
    check("registerUser", http.send(HttpMethod.POST, "/api/v1/auth/register", null, Buffer.buffer("email=x"),
        Map.of("Content-Type", "application/x-www-form-urlencoded")), 415);
    check("registerUser", http.post("/api/v1/auth/register", new JsonObject().put("fullName", "x".repeat(1_100_000)),
        null), 413);
    String verification = h.mailTo(email, "email-verification").getString("token");

    // login and sessions
    JsonObject tokens = check("login", http.post("/api/v1/auth/login", new JsonObject().put("login", username)
        .put("password", password), null), 200).json();
    String token = tokens.getString("accessToken");
    check("login", http.post("/api/v1/auth/login", new JsonObject().put("login", username)
        .put("password", "not the password"), null), 401);
    check("login", http.post("/api/v1/auth/login", new JsonObject().put("login", username), null), 400);
    check("resendVerification", http.post("/api/v1/auth/email/resend", null, token), 202);
    check("resendVerification", http.post("/api/v1/auth/email/resend", null, null), 401);
    h.mailTo(email, "email-verification");
    check("verifyEmail", http.post("/api/v1/auth/email/verify", new JsonObject().put("token", verification), null),
        200);
    check("verifyEmail", http.post("/api/v1/auth/email/verify", new JsonObject().put("token", verification), null),
        400);
    check("resendVerification", http.post("/api/v1/auth/email/resend", null, token), 409);

    JsonObject refreshed = check("refreshTokens", http.post("/api/v1/auth/refresh",
        new JsonObject().put("refreshToken", tokens.getString("refreshToken")), null), 200).json();
    check("refreshTokens", http.post("/api/v1/auth/refresh",
        new JsonObject().put("refreshToken", "not-a-refresh-token"), null), 401);
    check("refreshTokens", http.post("/api/v1/auth/refresh", new JsonObject(), null), 400);
    token = refreshed.getString("accessToken");

    JsonObject second = check("login", http.post("/api/v1/auth/login", new JsonObject().put("login", email)
        .put("password", password), null), 200).json();
    JsonArray sessions = check("listLoginSessions", http.get("/api/v1/auth/sessions", token), 200).json()
        .getJsonArray("items");
    assertThat(sessions).hasSize(2);
    check("listLoginSessions", http.get("/api/v1/auth/sessions", "not-a-token"), 401);
    check("revokeLoginSession", http.delete("/api/v1/auth/sessions/" + second.getString("sessionId"), token), 204);
    check("revokeLoginSession", http.delete("/api/v1/auth/sessions/" + second.getString("sessionId"), token), 404);
    check("revokeLoginSession", http.delete("/api/v1/auth/sessions/not-a-uuid", token), 404);

    // the account
    check("getMe", http.get("/api/v1/users/me", token), 200);
    check("getMe", http.get("/api/v1/users/me", second.getString("accessToken")), 401);
    check("updateMe", http.patch("/api/v1/users/me", new JsonObject().put("title", "Charge Nurse")
        .put("yearsExperience", 6).put("education", new JsonArray().add(new JsonObject().put("degree", "BSc")))
        .put("linkedinUrl", "https://www.linkedin.com/in/ada"), token), 200);
    check("updateMe", http.patch("/api/v1/users/me", new JsonObject().put("email", "other@example.com"), token), 400);
    check("updateMe", http.patch("/api/v1/users/me", new JsonObject().put("email", 5), null), 401);
    check("updateMe", http.send(HttpMethod.PATCH, "/api/v1/users/me", token, Buffer.buffer("title"),
        Map.of("Content-Type", "text/plain")), 415);

    // profile and preferences
    check("getProfile", http.get("/api/v1/users/me/profile", token), 200);
    check("putProfile", http.put("/api/v1/users/me/profile", new JsonObject().put("headline", "Charge nurse")
        .put("skills", new JsonArray().add("Triage").add(new JsonObject().put("name", "PALS").put("years", 4)))
        .put("links", new JsonObject().put("blog", "https://example.com/ada")).put("visibility", "recruiters"),
        token), 200);
    check("putProfile", http.put("/api/v1/users/me/profile", new JsonObject().put("visibility", "everyone"), token),
        400);
    check("getProfile", http.get("/api/v1/users/me/profile", token), 200);
    check("getProfileJsonResume", http.get("/api/v1/users/me/profile/json-resume", token), 200);
    check("putProfileJsonResume", http.put("/api/v1/users/me/profile/json-resume", new JsonObject()
        .put("basics", new JsonObject().put("label", "Charge nurse")), token), 200);
    check("putProfileJsonResume", http.put("/api/v1/users/me/profile/json-resume", new JsonObject()
        .put("basics", "Priya"), token), 400);
    check("getPreferences", http.get("/api/v1/users/me/preferences", token), 200);
    check("putPreferences", http.put("/api/v1/users/me/preferences", new JsonObject()
        .put("desiredRoles", new JsonArray().add("Charge Nurse")).put("remotePreference", "onsite")
        .put("salaryMin", 38_000).put("salaryMax", 46_000).put("salaryCurrency", "GBP")
        .put("jobTypes", new JsonArray().add("full_time")).put("availabilityDate", "2027-03-01")
        .put("aiPersonalization", new JsonObject().put("tone", "concise").put("optimizationLevel", "light"))
        .put("jobAlertFrequency", "weekly"), token), 200);
    check("putPreferences", http.put("/api/v1/users/me/preferences", new JsonObject().put("salaryMin", 50_000)
        .put("salaryMax", 40_000), token), 400);
    check("getPreferences", http.get("/api/v1/users/me/preferences", token), 200);
    check("getCompleteUser", http.get("/api/v1/users/me/complete", token), 200);
    check("getCompleteUser", http.get("/api/v1/users/me/complete", null), 401);

    // password change and reset
    String changed = "Another-" + UUID.randomUUID();
    check("changePassword", http.post("/api/v1/users/me/password", new JsonObject()
        .put("currentPassword", "not the password").put("newPassword", changed), token), 403);
    check("changePassword", http.post("/api/v1/users/me/password", new JsonObject()
        .put("currentPassword", password).put("newPassword", "short"), token), 400);
    check("changePassword", http.post("/api/v1/users/me/password", new JsonObject()
        .put("currentPassword", password).put("newPassword", changed), token), 204);
    check("forgotPassword", http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", email), null),
        202);
    check("forgotPassword", http.post("/api/v1/auth/password/forgot", new JsonObject().put("email", "x"), null), 400);
    String reset = h.mailTo(email, "password-reset").getString("token");
    check("resetPassword", http.post("/api/v1/auth/password/reset", new JsonObject().put("token", reset)
        .put("newPassword", username), null), 400);
    check("resetPassword", http.post("/api/v1/auth/password/reset", new JsonObject().put("token", reset)
        .put("newPassword", password), null), 204);
    check("getMe", http.get("/api/v1/users/me", token), 401);

    // guesses at an account are delayed after the free attempts
    UserHarness.Account guessed = h.register();
    for (int i = 0; i < 5; i++) {
      check("login", http.post("/api/v1/auth/login", new JsonObject().put("login", guessed.email())
          .put("password", "wrong password " + i), null), 401);
    }
    TestClient.Response refused = check("login", http.post("/api/v1/auth/login", new JsonObject()
        .put("login", guessed.email()).put("password", guessed.password()), null), 429);
    assertThat(refused.header("Retry-After")).isNotBlank();

    // operators, once their address is verified
    UserHarness.Login ops = h.login(h.verified(h.register(ADMIN)));
    String admin = ops.accessToken();
    check("listActiveSessions", http.get("/api/v1/admin/sessions/active?limit=5", admin), 200);
    check("listActiveSessions", http.get("/api/v1/admin/sessions/active?limit=0", admin), 400);
    check("listActiveSessions", http.get("/api/v1/admin/sessions/active", refreshed.getString("accessToken")), 401);
    String user = h.login(new UserHarness.Account(UUID.fromString(id), email, username, password)).accessToken();
    check("listActiveSessions", http.get("/api/v1/admin/sessions/active", user), 403);
    check("searchUsers", http.get("/api/v1/admin/users?query=" + username + "&limit=5", admin), 200);
    check("searchUsers", http.get("/api/v1/admin/users?query=" + "x".repeat(101), admin), 400);
    check("searchUsers", http.get("/api/v1/admin/users", user), 403);
    String subscription = "/api/v1/admin/users/" + id + "/subscription";
    check("setSubscription", http.put(subscription, new JsonObject().put("tier", "premium")
        .put("expiresAt", "2027-12-31T23:59:59Z"), admin), 200);
    check("setSubscription", http.put(subscription, new JsonObject().put("tier", "gold"), admin), 400);
    check("setSubscription", http.put("/api/v1/admin/users/" + UUID.randomUUID() + "/subscription",
        new JsonObject().put("tier", "basic"), admin), 404);
    check("setSubscription", http.put(subscription, new JsonObject().put("tier", "basic"), user), 403);
    UserHarness.Login disabled = h.registerAndLogin();
    String status = "/api/v1/admin/users/" + disabled.account().id() + "/status";
    check("setAccountStatus", http.put(status, new JsonObject().put("active", false), admin), 200);
    check("setAccountStatus", http.put(status, new JsonObject(), admin), 400);
    check("setAccountStatus", http.put(status, new JsonObject().put("active", true), user), 403);
    check("setAccountStatus", http.put("/api/v1/admin/users/" + UUID.randomUUID() + "/status",
        new JsonObject().put("active", true), admin), 404);

    // sessions end
    check("logout", http.post("/api/v1/auth/logout", null, ops.accessToken()), 204);
    check("logout", http.post("/api/v1/auth/logout", null, ops.accessToken()), 401);
    assertThat(check("logoutEverywhere", http.post("/api/v1/auth/logout-all", null, user), 200).json()
        .getLong("sessionsEnded")).isEqualTo(1);
    check("logoutEverywhere", http.post("/api/v1/auth/logout-all", null, user), 401);

    // keys and operations
    check("getJwks", http.get("/.well-known/jwks.json", null), 200);
    check("getLiveness", http.get("/health/live", null), 200);
    check("getLiveness", http.get("/health/live?x=%zz", null), 400);
    check("getReadiness", http.get("/health/ready", null), 200);
    check("getOpenApiDocument", http.get("/openapi.yaml", null), 200);

    // deletion
    UserHarness.Login leaving = h.registerAndLogin();
    check("deleteMe", http.delete("/api/v1/users/me", leaving.accessToken()), 400);
    check("deleteMe", http.send(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/users/me", leaving.accessToken(),
        new JsonObject().put("password", "not the password"), java.util.Map.of()), 403);
    check("deleteMe", h.deleteAccount(leaving), 204);
    check("deleteMe", h.deleteAccount(leaving), 401);

    // /metrics answers only where the process runs with metrics, which these tests do not turn on; the second
    // factor's operations are checked against the document by MfaTest (codes from the factor's secret), the
    // OpenID Connect ones by OidcSignInTest (against a provider running in the test)
    assertThat(answers.unexercised()).as("operations this test never called")
        .containsExactlyInAnyOrder("getMetrics", "enrolFactor", "listFactors", "verifyFactor", "removeFactor",
            "passMfaChallenge", "startOidcSignIn", "finishOidcSignIn", "exchangeOidcCode", "listIdentities");
  }
}
