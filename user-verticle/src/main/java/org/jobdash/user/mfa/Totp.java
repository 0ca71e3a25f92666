package org.jobdash.user.mfa;

import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.OtpKeyGenerator;
import io.vertx.ext.auth.otp.totp.TotpAuth;
import io.vertx.ext.auth.otp.totp.TotpAuthOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * RFC 6238 time-based codes as authenticator apps expect them: 6 digits, 30-second steps, HMAC-SHA-1. Secrets and
 * provisioning URIs come from vertx-auth-otp ({@link OtpKeyGenerator}, {@link TotpAuth#generateUri}); the check is
 * our own because that library's accepts only the current step (no allowance for a phone's clock drift) and does
 * not say which step matched, which replay protection needs.
 */
public final class Totp {

  public static final int DIGITS = 6;
  public static final long PERIOD_SECONDS = 30;
  /** Steps before and after the current one that are accepted too (a phone's clock drift). */
  static final int DRIFT_STEPS = 1;

  private static final TotpAuth URIS = TotpAuth.create(new TotpAuthOptions());
  private static final OtpKeyGenerator KEYS = OtpKeyGenerator.create();

  private Totp() {}

  /** A new 160-bit secret, in base32 as apps take it. */
  public static String newSecret() {
    return KEYS.generate().getKey();
  }

  /** The {@code otpauth://totp/issuer:account?secret=…&issuer=…&period=30} URI an app scans. */
  public static String uri(String secret, String issuer, String account) {
    return URIS.generateUri(new OtpKey().setKey(secret).setAlgorithm("SHA1"), issuer, account);
  }

  /** The step a moment falls in. */
  public static long step(long epochSeconds) {
    return Math.floorDiv(epochSeconds, PERIOD_SECONDS);
  }

  /** The code of {@code step} for the base32 {@code secret}. */
  public static String code(String secret, long step) {
    return code(new OtpKey().setKey(secret).getKeyBytes(), step);
  }

  static String code(byte[] key, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      String digits = Integer.toString(binary % 1_000_000);
      return "0".repeat(DIGITS - digits.length()) + digits;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-1 is unavailable", e);
    }
  }

  /**
   * The step whose code {@code code} is, among the current step and {@link #DRIFT_STEPS} on either side, or -1.
   * Every candidate is compared, in constant time, whatever matched first.
   */
  public static long matchingStep(String secret, String code, long epochSeconds) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    byte[] key = new OtpKey().setKey(secret).getKeyBytes();
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long now = step(epochSeconds);
    long matched = -1;
    for (long s = now - DRIFT_STEPS; s <= now + DRIFT_STEPS; s++) {
      if (MessageDigest.isEqual(given, code(key, s).getBytes(StandardCharsets.US_ASCII))) {
        matched = s;
      }
    }
    return matched;
  }
}
