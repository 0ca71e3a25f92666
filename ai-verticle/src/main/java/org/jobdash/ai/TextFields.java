package org.jobdash.ai;

import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Text inputs of the AI endpoints: over the configured size a 413, not a 400; and their SHA-256 fingerprints. */
public final class TextFields {

  private TextFields() {}

  /** The text of {@code field}; a text over {@code maxChars} characters is refused with 413. */
  public static String text(JsonInput in, String field, int maxChars, boolean required) {
    if (in.raw().getValue(field) instanceof String s && s.length() > maxChars) {
      throw new ApiException.TooLarge(field + " is longer than the limit of " + maxChars + " characters");
    }
    String value = required ? in.requiredString(field, 1, maxChars) : in.optionalString(field, maxChars);
    return value == null || (!required && value.isBlank()) ? null : value;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
