package org.jobdash.common.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Path segments and query values a router or a parameter parser must refuse with a 4xx, in the raw form they take
 * on the request line (already percent-encoded, or deliberately badly encoded).
 */
public final class HostileUris {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** Text patterns in a query are cut to this: percent-encoded they stay within a 4,096-byte request line. */
  private static final int QUERY_TEXT = 600;

  private HostileUris() {}

  /** Segments to put where an id goes. */
  public static List<Named<String>> pathSegments() {
    List<Named<String>> out = new ArrayList<>();
    String[][] raw = {
        {"dot-dot-slash-encoded", "..%2f..%2f..%2fetc%2fpasswd"}, {"dot-dot-encoded", "%2e%2e"},
        {"dot-dot-backslash", "..%5c..%5cwindows"}, {"nul", "%00"}, {"nul-inside", "abc%00def"},
        {"invalid-utf8", "%ff%fe%fd"}, {"overlong-slash", "%c0%af"}, {"lone-percent", "%"}, {"bad-escape", "%zz"},
        {"right-to-left-override", "%e2%80%ae"}, {"emoji", "%f0%9f%98%80"}, {"space", "%20"},
        {"html", "%3Cscript%3E"}, {"sql-quote", "'%20OR%201=1--"}, {"matrix-param", "x;jsessionid=1"},
        {"minus-one", "-1"}, {"zero", "0"}, {"beyond-int64", "99999999999999999999"}, {"exponent", "1e3"},
        {"nil-uuid", "00000000-0000-0000-0000-000000000000"}, {"max-uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"},
        {"uuid-no-dashes", "0123456789abcdef0123456789abcdef"}, {"uuid-braces", "%7B0123e456-e89b-12d3-a456-426614174000%7D"},
        {"5000-chars", "x".repeat(5_000)}};
    for (String[] r : raw) {
      out.add(new Named<>(r[0], r[1]));
    }
    return out;
  }

  /** Values for a query parameter of JSON Schema type {@code type}, with its documented bounds (or null). */
  public static List<Named<String>> queryValues(String type, Long minimum, Long maximum, Integer maxLength) {
    List<Named<String>> out = new ArrayList<>();
    out.add(new Named<>("empty", ""));
    out.add(new Named<>("nul", "%00"));
    out.add(new Named<>("invalid-utf8", "%ff%fe"));
    out.add(new Named<>("lone-percent", "%"));
    out.add(new Named<>("lone-surrogate", encode("a\uD800b")));
    out.add(new Named<>("5000-chars", "x".repeat(5_000)));
    if ("integer".equals(type) || "number".equals(type)) {
      out.add(new Named<>("letters", "abc"));
      out.add(new Named<>("fraction", "1.5"));
      out.add(new Named<>("exponent", "1e3"));
      out.add(new Named<>("beyond-int64", "99999999999999999999"));
      out.add(new Named<>("negative", "-1"));
      out.add(new Named<>("hex", "0x10"));
      if (minimum != null) {
        out.add(new Named<>("below-minimum", Long.toString(minimum - 1)));
      }
      if (maximum != null) {
        out.add(new Named<>("above-maximum", Long.toString(maximum + 1)));
      }
    } else {
      for (Named<String> p : HostileText.patterns(QUERY_TEXT)) {
        out.add(new Named<>(p.name(), encode(p.value())));
      }
      if (maxLength != null) {
        out.add(new Named<>("at-max-length-" + maxLength, "q".repeat(maxLength)));
        out.add(new Named<>("beyond-max-length-" + (maxLength + 1), "q".repeat(maxLength + 1)));
      }
      out.add(new Named<>("sql-like-wildcards", encode("%_\\%' OR 1=1 --")));
    }
    return out;
  }

  /**
   * Percent-encodes {@code text} as UTF-8 for a query value or a path segment; an unpaired surrogate becomes the
   * three bytes a lax encoder would write for it (an invalid UTF-8 sequence).
   */
  public static String encode(String text) {
    StringBuilder b = new StringBuilder(text.length() * 3);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        b.append(c);
        continue;
      }
      byte[] bytes;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
      } else {
        bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      }
      for (byte x : bytes) {
        b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
      }
    }
    return b.toString();
  }
}
