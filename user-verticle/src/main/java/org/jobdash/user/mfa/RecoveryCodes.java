package org.jobdash.user.mfa;

import org.jobdash.user.security.Secrets;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Single-use recovery codes: ten of {@code xxxxx-xxxxx} (about 50 random bits each), only their SHA-256 stored. */
public final class RecoveryCodes {

  public static final int COUNT = 10;
  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodes() {}

  public static List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      StringBuilder code = new StringBuilder(11);
      for (int c = 0; c < 10; c++) {
        if (c == 5) {
          code.append('-');
        }
        code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** The stored digest of a code as a person may type it: any case, with or without the dash and spaces. */
  public static byte[] hash(String code) {
    StringBuilder normal = new StringBuilder(10);
    for (char c : code.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c != '-' && c != ' ') {
        normal.append(c);
      }
    }
    return Secrets.sha256(normal.toString());
  }
}
