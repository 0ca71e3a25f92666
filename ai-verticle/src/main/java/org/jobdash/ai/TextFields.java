package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Text inputs of the AI endpoints: over the configured size a 413, not a 400; text that cannot be stored or sent
 * back a 400 naming the field; and their SHA-256 fingerprints.
 */
public final class TextFields {

  private TextFields() {}

  /** The text of {@code field}; a text over {@code maxChars} characters is refused with 413. */
  public static String text(JsonInput in, String field, int maxChars, boolean required) {
    if (in.raw().getValue(field) instanceof String s && s.length() > maxChars) {
      throw new ApiException.TooLarge(field + " is longer than the limit of " + maxChars + " characters");
    }
    String value = fit(in, field, required ? in.requiredString(field, 1, maxChars)
        : in.optionalString(field, maxChars));
    return value == null || (!required && value.isBlank()) ? null : value;
  }

  /** Whether the body gives {@code field} a value: present, not null and not a blank string. */
  public static boolean given(JsonInput in, String field) {
    Object value = in.raw().getValue(field);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  /** An optional short string ({@link JsonInput#optionalString}) that must also be {@link #unfit fit} for text. */
  public static String string(JsonInput in, String field, int maxChars) {
    return fit(in, field, in.optionalString(field, maxChars));
  }

  /** {@link JsonInput#optionalStringList}, each item also {@link #unfit fit} for text (a bad one is named by index). */
  public static List<String> stringList(JsonInput in, String field, int maxItems, int maxLength) {
    List<String> list = in.optionalStringList(field, maxItems, maxLength);
    if (list == null) {
      return null;
    }
    JsonArray raw = in.raw().getJsonArray(field);
    boolean fit = true;
    for (int i = 0; i < raw.size(); i++) {
      String problem = unfit(raw.getString(i));
      if (problem != null) {
        in.error(field + "[" + i + "]", problem);
        fit = false;
      }
    }
    return fit ? list : null;
  }

  /**
   * Why {@code s} cannot be taken as text, or null when it can: a NUL character (PostgreSQL's text types refuse it)
   * or half of a surrogate pair (it has no UTF-8 form, so neither the database nor a JSON answer can hold it).
   */
  public static String unfit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return "must not contain NUL characters";
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode text (it contains an unpaired surrogate)";
      }
    }
    return null;
  }

  private static String fit(JsonInput in, String field, String value) {
    String problem = value == null ? null : unfit(value);
    if (problem != null) {
      in.error(field, problem);
      return null;
    }
    return value;
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
