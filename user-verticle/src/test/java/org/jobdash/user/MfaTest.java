package org.jobdash.user;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.bus.SessionsRevoked;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.ContractAnswers;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP factors over HTTP: enrolment with codes computed from the answered secret, the second step of a sign-in,
 * no replay, recovery codes, the throttle on wrong codes, sessions ended by enrolment and removal, and the
 * assurance claims of the tokens, on refresh too.
 */
@ExtendWith(BlockedThreadGuard.class)
class MfaTest {

  static UserHarness h;
  static ContractAnswers answers;

  @BeforeAll
  static void start() {
    // the limits and the sign-in throttle on, at their defaults: wrong codes are counted like passwords
    h = UserHarness.start(new JsonObject().put("rateLimits", new JsonObject().put("enabled", true)));
    answers = ContractAnswers.load(h.vertx, "openapi/user-service.yaml");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** An account with a verified factor, enrolled from {@code session}: its secret and recovery codes. */
  record Enrolled(UserHarness.Login session, String factorId, String secret, List<String> recoveryCodes,
                  long lastStep) {}

  private static JsonObject enrol(UserHarness.Login login) {
    JsonObject factor = answers.check("enrolFactor", h.http.post("/api/v1/auth/mfa/factors", null,
        login.accessToken()), 201).json();
    assertThat(factor.getString("status")).isEqualTo("unverified");
    assertThat(factor.getString("type")).isEqualTo("totp");
    return factor;
  }

  private static Enrolled enrolled(UserHarness.Login login) {
    JsonObject factor = enrol(login);
    String secret = factor.getString("secret");
    long step = AuthenticatorApp.freshStep() - 1;
    JsonObject verified = answers.check("verifyFactor", h.http.post("/api/v1/auth/mfa/factors/"
        + factor.getString("id") + "/verify", new JsonObject().put("code", AuthenticatorApp.code(secret, step)),
        login.accessToken()), 200).json();
    List<String> codes = verified.getJsonArray("recoveryCodes").getList();
    return new Enrolled(login, factor.getString("id"), secret, codes, step);
  }

  private static String mfaToken(UserHarness.Account account) {
    JsonObject answer = answers.check("login", h.http.post("/api/v1/auth/login", new JsonObject()
        .put("login", account.email()).put("password", account.password()), null), 200).json();
    assertThat(answer.getBoolean("mfaRequired")).isTrue();
    assertThat(answer.containsKey("accessToken")).isFalse();
    assertThat(answer.containsKey("refreshToken")).isFalse();
    return answer.getString("mfaToken");
  }

  private static TestClient.Response challenge(String mfaToken, String field, String code) {
    return h.http.post("/api/v1/auth/mfa/challenge", new JsonObject().put("mfaToken", mfaToken).put(field, code),
        null);
  }

  @Test
  void enrolmentAnswersASecretThatCodesAreComputedFromAndEndsTheOtherSessions() {
    UserHarness.Account account = h.register();
    UserHarness.Login here = h.login(account);
    UserHarness.Login elsewhere = h.login(account);
    JsonObject factor = enrol(here);
    String secret = factor.getString("secret");
    assertThat(factor.getString("uri")).startsWith("otpauth://totp/").contains("secret=" + secret)
        .contains("issuer=Job+Dashboard");
    JsonObject listed = answers.check("listFactors", h.http.get("/api/v1/auth/mfa/factors", here.accessToken()), 200)
        .json().getJsonArray("items").getJsonObject(0);
    assertThat(listed.getString("status")).isEqualTo("unverified");
    assertThat(listed.containsKey("secret")).isFalse();

    // at rest the secret is sealed, never the base32 text
    Row row = h.sql("SELECT secret_encrypted FROM mfa_factors WHERE user_id = $1", account.id()).iterator().next();
    assertThat(new String(row.getBuffer(0).getBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(secret);

    String path = "/api/v1/auth/mfa/factors/" + factor.getString("id") + "/verify";
    long step = AuthenticatorApp.freshStep();
    String wrong = AuthenticatorApp.code(secret, step + 5);
    assertThat(answers.check("verifyFactor", h.http.post(path, new JsonObject().put("code", wrong),
        here.accessToken()), 400).json().getString("detail")).contains("incorrect");
    JsonObject verified = answers.check("verifyFactor", h.http.post(path, new JsonObject()
        .put("code", AuthenticatorApp.code(secret, step)), here.accessToken()), 200).json();
    assertThat(verified.getString("status")).isEqualTo("verified");
    List<?> codes = verified.getJsonArray("recoveryCodes").getList();
    assertThat(codes).hasSize(10);
    assertThat(new HashSet<>(codes)).hasSize(10);
    assertThat(h.count("SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL", account.id()))
        .isEqualTo(10);
    // kept as the SHA-256 of the code without its dash, never the code
    assertThat(h.count("SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1 AND code_hash = "
        + "sha256(convert_to(replace($2, '-', ''), 'UTF8'))", account.id(), codes.get(0))).isEqualTo(1);

    // the other session ended, and every service was told; this one goes on
    assertThat(h.http.get("/api/v1/users/me", elsewhere.accessToken()).status()).isEqualTo(401);
    assertThat(h.http.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", elsewhere.refreshToken()),
        null).status()).isEqualTo(401);
    SessionsRevoked notice = h.revocationOf(account.id());
    assertThat(notice.sessionIds()).containsExactly(elsewhere.sessionId());
    assertThat(h.http.get("/api/v1/users/me", here.accessToken()).status()).isEqualTo(200);

    // verified once; another enrolment waits until this factor is removed
    assertThat(answers.check("verifyFactor", h.http.post(path, new JsonObject()
        .put("code", AuthenticatorApp.code(secret, step + 1)), here.accessToken()), 409).status()).isEqualTo(409);
    answers.check("enrolFactor", h.http.post("/api/v1/auth/mfa/factors", null, here.accessToken()), 409);
    answers.check("listFactors", h.http.get("/api/v1/auth/mfa/factors", null), 401);
  }

  @Test
  void loginWithAFactorNeedsACurrentCodeOnceAndTheTokensSayAal2OnRefreshToo() {
    UserHarness.Account account = h.register();
    Enrolled e = enrolled(h.login(account));
    String token = mfaToken(account);

    // the enrolment's code is spent, as is any code of an older step
    answers.check("passMfaChallenge", challenge(token, "code", AuthenticatorApp.code(e.secret(), e.lastStep())), 400);
    String next = AuthenticatorApp.code(e.secret(), e.lastStep() + 1);
    JsonObject tokens = answers.check("passMfaChallenge", challenge(token, "code", next), 200).json();
    assertThat(tokens.getJsonObject("user").getString("email")).isEqualTo(account.email());
    JsonObject claims = AuthenticatorApp.claims(tokens.getString("accessToken"));
    assertThat(claims.getString("aal")).isEqualTo("aal2");
    assertThat(claims.getJsonArray("amr").getList()).containsExactly("pwd", "otp");
    assertThat(h.http.get("/api/v1/users/me", tokens.getString("accessToken")).status()).isEqualTo(200);

    // the token is spent by its first right code
    answers.check("passMfaChallenge", challenge(token, "code", next), 401);
    // and the code by its first use, in another sign-in too
    answers.check("passMfaChallenge", challenge(mfaToken(account), "code", next), 400);

    JsonObject refreshed = h.http.post("/api/v1/auth/refresh", new JsonObject()
        .put("refreshToken", tokens.getString("refreshToken")), null).json();
    JsonObject again = AuthenticatorApp.claims(refreshed.getString("accessToken"));
    assertThat(again.getString("aal")).isEqualTo("aal2");
    assertThat(again.getJsonArray("amr").getList()).containsExactly("pwd", "otp");
    assertThat(h.sql("SELECT aal, amr FROM user_sessions WHERE id = $1::uuid", tokens.getString("sessionId"))
        .iterator().next().getString("aal")).isEqualTo("aal2");
  }

  @Test
  void aRecoveryCodeWorksOnceInAnyCaseAndAnswersAal2() {
    UserHarness.Account account = h.register();
    Enrolled e = enrolled(h.login(account));
    String recovery = e.recoveryCodes().get(3);
    JsonObject tokens = answers.check("passMfaChallenge", challenge(mfaToken(account), "recoveryCode",
        recovery.toUpperCase()), 200).json();
    JsonObject claims = AuthenticatorApp.claims(tokens.getString("accessToken"));
    assertThat(claims.getString("aal")).isEqualTo("aal2");
    assertThat(claims.getJsonArray("amr").getList()).containsExactly("pwd", "mfa");
    answers.check("passMfaChallenge", challenge(mfaToken(account), "recoveryCode", recovery), 400);
    assertThat(h.count("SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL",
        account.id())).isEqualTo(1);
  }

  @Test
  void wrongCodesAreThrottledLikePasswordsAndARightOneClearsTheCount() {
    UserHarness.Account account = h.register();
    Enrolled e = enrolled(h.login(account));
    String token = mfaToken(account);
    String wrong = AuthenticatorApp.code(e.secret(), e.lastStep() + 7);
    for (int i = 0; i < 5; i++) {
      answers.check("passMfaChallenge", challenge(token, "code", wrong), 400);
    }
    TestClient.Response throttled = answers.check("passMfaChallenge", challenge(token, "code", wrong), 429);
    assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
    // even the right code waits its turn
    String right = AuthenticatorApp.code(e.secret(), e.lastStep() + 1);
    answers.check("passMfaChallenge", challenge(token, "code", right), 429);
    UserHarness.pause(Duration.ofMillis(Long.parseLong(throttled.header("Retry-After")) * 1000 + 200));
    answers.check("passMfaChallenge", challenge(token, "code", right), 200);
    assertThat(h.count("SELECT count(*) FROM login_throttle WHERE identifier_hash = sha256(convert_to($1, 'UTF8'))",
        "mfa:" + account.id())).isZero();
  }

  @Test
  void removalTakesACodeOrARecoveryCodeAndEndsTheOtherSessions() {
    UserHarness.Account account = h.register();
    Enrolled e = enrolled(h.login(account));
    String path = "/api/v1/auth/mfa/factors/" + e.factorId();
    JsonObject tokens = challenge(mfaToken(account), "code", AuthenticatorApp.code(e.secret(), e.lastStep() + 1))
        .json();
    String other = tokens.getString("accessToken");
    String here = e.session().accessToken();

    answers.check("removeFactor", send(HttpMethod.DELETE, path, here, new JsonObject()
        .put("code", AuthenticatorApp.code(e.secret(), e.lastStep() + 9))), 400);
    answers.check("removeFactor", send(HttpMethod.DELETE, path, here, new JsonObject()), 400);
    answers.check("removeFactor", send(HttpMethod.DELETE, path, here, new JsonObject().put("code", "123456")
        .put("recoveryCode", e.recoveryCodes().get(0))), 400);
    answers.check("removeFactor", send(HttpMethod.DELETE, path, here, new JsonObject()
        .put("recoveryCode", e.recoveryCodes().get(0))), 204);
    assertThat(h.http.get("/api/v1/users/me", other).status()).isEqualTo(401);
    assertThat(h.http.get("/api/v1/users/me", here).status()).isEqualTo(200);
    assertThat(h.count("SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1", account.id())).isZero();
    answers.check("removeFactor", send(HttpMethod.DELETE, path, here, new JsonObject()
        .put("recoveryCode", e.recoveryCodes().get(1))), 404);

    // without a factor the password alone signs in again, at aal1
    JsonObject login = h.http.post("/api/v1/auth/login", new JsonObject().put("login", account.email())
        .put("password", account.password()), null).json();
    JsonObject claims = AuthenticatorApp.claims(login.getString("accessToken"));
    assertThat(claims.getString("aal")).isEqualTo("aal1");
    assertThat(claims.getJsonArray("amr").getList()).containsExactly("pwd");

    // and a current code removes a factor too
    Enrolled second = enrolled(h.login(account));
    answers.check("removeFactor", send(HttpMethod.DELETE, "/api/v1/auth/mfa/factors/" + second.factorId(),
        second.session().accessToken(), new JsonObject().put("code",
            AuthenticatorApp.code(second.secret(), second.lastStep() + 1))), 204);
    assertThat(h.count("SELECT count(*) FROM mfa_factors WHERE user_id = $1", account.id())).isZero();
  }

  @Test
  void anotherUsersFactorIsNotFoundAndBadInputIs4xx() {
    Enrolled owner = enrolled(h.registerAndLogin());
    UserHarness.Login stranger = h.registerAndLogin();
    String code = AuthenticatorApp.code(owner.secret(), owner.lastStep() + 1);
    answers.check("verifyFactor", h.http.post("/api/v1/auth/mfa/factors/" + owner.factorId() + "/verify",
        new JsonObject().put("code", code), stranger.accessToken()), 404);
    answers.check("removeFactor", send(HttpMethod.DELETE, "/api/v1/auth/mfa/factors/" + owner.factorId(),
        stranger.accessToken(), new JsonObject().put("code", code)), 404);
    answers.check("verifyFactor", h.http.post("/api/v1/auth/mfa/factors/not-a-uuid/verify",
        new JsonObject().put("code", code), stranger.accessToken()), 404);
    answers.check("verifyFactor", h.http.post("/api/v1/auth/mfa/factors/" + owner.factorId() + "/verify",
        new JsonObject(), stranger.accessToken()), 400);
    answers.check("verifyFactor", h.http.send(HttpMethod.POST, "/api/v1/auth/mfa/factors/" + owner.factorId()
        + "/verify", stranger.accessToken(), Buffer.buffer("code=1"),
        Map.of("Content-Type", "application/x-www-form-urlencoded")), 415);
    answers.check("passMfaChallenge", challenge("not-a-token", "code", code), 401);
    answers.check("passMfaChallenge", h.http.post("/api/v1/auth/mfa/challenge", new JsonObject()
        .put("code", code), null), 400);
    answers.check("passMfaChallenge", h.http.post("/api/v1/auth/mfa/challenge", new JsonObject()
        .put("mfaToken", "x".repeat(43)).put("code", 123456), null), 400);
    // the owner's factor is untouched
    assertThat(h.count("SELECT count(*) FROM mfa_factors WHERE id = $1::uuid AND status = 'verified'",
        owner.factorId())).isEqualTo(1);
  }

  private static TestClient.Response send(HttpMethod method, String path, String token, JsonObject body) {
    return h.http.send(method, path, token, body, Map.of());
  }
}
