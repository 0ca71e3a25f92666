package org.jobdash.resume;

import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;

/**
 * Text bound for PostgreSQL: no NUL (a text column cannot hold one) and no unpaired UTF-16 surrogate (it has no
 * UTF-8 form, so it would be stored as {@code ?} or fail the JSON encoding of a response). A client sending either
 * gets a 400 naming the field.
 */
public final class StorableText {

  private StorableText() {}

  /** Why {@code text} cannot be stored, or null when it can. */
  public static String problem(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "must not contain NUL characters";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode text (it has an unpaired surrogate)";
      }
    }
    return null;
  }

  /** Throws a 400 naming {@code field} when {@code text} (if any) cannot be stored. */
  public static void require(String field, CharSequence text) {
    String problem = text == null ? null : problem(text);
    if (problem != null) {
      throw ApiException.Invalid.field(field, problem);
    }
  }

  /** Records an error for {@code field} in {@code in} when {@code text} (if any) cannot be stored. */
  public static void check(JsonInput in, String field, CharSequence text) {
    String problem = text == null ? null : problem(text);
    if (problem != null) {
      in.error(field, problem);
    }
  }
}
