package org.jobdash.user;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.impl.org.openauthentication.otp.OneTimePasswordAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** What an authenticator app does with a factor's secret, computed by vertx-auth-otp's own generator. */
final class AuthenticatorApp {

  private AuthenticatorApp() {}

  static long currentStep() {
    return System.currentTimeMillis() / 1000 / 30;
  }

  static String code(String secret, long step) {
    try {
      return OneTimePasswordAlgorithm.generateOTP(new OtpKey().setKey(secret).getKeyBytes(), step, 6, false, -1);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a new step when less than 12 seconds of this one are left, so that a test's codes stay current. */
  static long freshStep() {
    long left = 30_000 - System.currentTimeMillis() % 30_000;
    if (left < 12_000) {
      UserHarness.pause(java.time.Duration.ofMillis(left + 50));
    }
    return currentStep();
  }

  /** The claims of a JWT, unverified (the service's own tokens, read back). */
  static JsonObject claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }
}
