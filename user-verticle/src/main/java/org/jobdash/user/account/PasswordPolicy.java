package org.jobdash.user.account;

import org.jobdash.common.http.ApiException;

import java.util.Locale;

/** The password rule: long enough, not absurdly long, and not the account's own e-mail or username. */
public final class PasswordPolicy {

  /** Argon2 hashes anything, but hashing megabytes on request is a denial of service. */
  public static final int MAX_LENGTH = 256;

  private final int minLength;

  public PasswordPolicy(int minLength) {
    this.minLength = minLength;
  }

  /** Throws a 400 naming {@code field} when {@code password} breaks the rule. */
  public void check(String field, String password, String email, String username) {
    if (password == null) {
      throw ApiException.Invalid.field(field, "is required");
    }
    if (password.length() < minLength) {
      throw ApiException.Invalid.field(field, "must be at least " + minLength + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw ApiException.Invalid.field(field, "must be at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      throw ApiException.Invalid.field(field, "must not be blank");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (email != null) {
      String e = email.toLowerCase(Locale.ROOT);
      if (lower.equals(e) || lower.equals(e.substring(0, Math.max(0, e.indexOf('@'))))) {
        throw ApiException.Invalid.field(field, "must not be your e-mail address");
      }
    }
    if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
      throw ApiException.Invalid.field(field, "must not be your username");
    }
  }
}
