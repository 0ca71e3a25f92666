package org.jobdash.common.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * JSON bodies a parser or a validator must refuse cleanly: malformed text, wrong encodings, depth bombs, key
 * floods, numbers past every range, and for each JSON type the values of every other type. {@link #encode} writes
 * what a library's encoder would refuse to: lone surrogates and control characters as {@code \\u} escapes.
 */
public final class HostileJson {

  /** A JSON fragment written exactly as given (e.g. {@code 1e400}, which no Java number encodes to). */
  public record Raw(String json) {}

  private HostileJson() {}

  /**
   * Encodes maps (in their iteration order), lists, strings, numbers, booleans, null and {@link Raw} fragments.
   * Control characters, quotes, backslashes and unpaired surrogates are escaped; every other character is written
   * as itself, so the UTF-8 bytes stay valid while the decoded text carries exactly what was given.
   */
  public static String encode(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  public static byte[] bytes(Object value) {
    return encode(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Bodies that are not one plain JSON object of valid UTF-8: malformed text, wrong encodings, well-formed values of
   * the wrong kind (null, an array, a string), duplicate and NUL keys, numbers past every range.
   */
  public static List<Named<byte[]>> bodies() {
    List<Named<byte[]>> out = new ArrayList<>();
    for (String[] text : new String[][] {
        {"empty", ""}, {"whitespace-only", " \n\t "}, {"truncated-object", "{\"title\":"},
        {"unterminated-string", "{\"title\":\"abc"}, {"trailing-garbage", "{\"title\":\"a\"}}"},
        {"trailing-comma", "{\"title\":\"a\",}"}, {"single-quotes", "{'title':'a'}"}, {"unquoted-key", "{title:1}"},
        {"comment", "/* x */{\"title\":\"a\"}"}, {"nan", "{\"k\":NaN}"}, {"infinity", "{\"k\":-Infinity}"},
        {"raw-control-char", "{\"title\":\"a\u0001b\"}"}, {"bad-escape", "{\"title\":\"\\x41\"}"},
        {"truncated-unicode-escape", "{\"title\":\"\\u12\"}"}, {"json-null", "null"}, {"json-array", "[]"},
        {"json-string", "\"title\""}, {"json-number", "42"}, {"json-true", "true"},
        {"two-documents", "{}{}"}, {"duplicate-keys", "{\"title\":\"a\",\"title\":{\"x\":[1]}}"},
        {"nul-key", "{\"\\u0000\":1}"}, {"lone-surrogate-key", "{\"\\ud800\":1}"},
        {"number-1e400", "{\"k\":1e400}"}, {"number-minus-zero", "{\"k\":-0}"},
        {"number-10000-digits", "{\"k\":" + "9".repeat(10_000) + "}"},
        {"fraction-10000-digits", "{\"k\":0." + "1".repeat(10_000) + "}"},
        {"key-100000-chars", "{\"" + "k".repeat(100_000) + "\":1}"}}) {
      out.add(new Named<>(text[0], text[1].getBytes(StandardCharsets.UTF_8)));
    }
    out.add(new Named<>("utf8-bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{}"))));
    out.add(new Named<>("invalid-utf8", concat(utf8("{\"title\":\""), new byte[] {(byte) 0xFF, (byte) 0xFE},
        utf8("\"}"))));
    out.add(new Named<>("overlong-utf8-nul", concat(utf8("{\"title\":\""), new byte[] {(byte) 0xC0, (byte) 0x80},
        utf8("\"}"))));
    out.add(new Named<>("cesu8-surrogate", concat(utf8("{\"title\":\""),
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}"))));
    out.add(new Named<>("utf16le", "{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_16LE)));
    out.add(new Named<>("binary-zeros", new byte[4096]));
    return out;
  }

  /** {@code [[[…]]]}, {@code depth} levels. */
  public static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** {@code {"a":{"a":…{}}}}, {@code depth} levels. */
  public static String nestedObjects(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  /** An object of distinct short keys ({@code "k0":0,…}) as close to {@code bytes} long as they fit. */
  public static String manyKeys(int bytes) {
    StringBuilder b = new StringBuilder(bytes).append('{');
    for (int i = 0; ; i++) {
      String entry = (i == 0 ? "" : ",") + "\"k" + i + "\":0";
      if (b.length() + entry.length() + 1 > bytes) {
        break;
      }
      b.append(entry);
    }
    return b.append('}').toString();
  }

  /** An array of {@code count} copies of {@code element}. */
  public static List<Object> array(int count, Object element) {
    return new ArrayList<>(Collections.nCopies(count, element));
  }

  /**
   * Values that are not of the JSON Schema type {@code type} ({@code string}, {@code integer}, {@code number},
   * {@code boolean}, {@code array}, {@code object}), and for numbers the values past every range.
   */
  public static List<Named<Object>> wrongTypes(String type) {
    List<Named<Object>> out = new ArrayList<>();
    if (!"string".equals(type)) {
      out.add(new Named<>("string", "12"));
    }
    if (!"integer".equals(type) && !"number".equals(type)) {
      out.add(new Named<>("number", 12345));
    }
    if ("integer".equals(type)) {
      out.add(new Named<>("fraction", 1.5));
    }
    if ("integer".equals(type) || "number".equals(type)) {
      out.add(new Named<>("beyond-int64", new Raw("9223372036854775808")));
      out.add(new Named<>("below-int64", new Raw("-9223372036854775809")));
      out.add(new Named<>("exponent-1e400", new Raw("1e400")));
      out.add(new Named<>("negative", -1));
    }
    if (!"boolean".equals(type)) {
      out.add(new Named<>("boolean", true));
    }
    if (!"array".equals(type)) {
      out.add(new Named<>("array", List.of("a")));
    }
    if (!"object".equals(type)) {
      out.add(new Named<>("object", Map.of("a", 1)));
    }
    if ("array".equals(type)) {
      out.add(new Named<>("array-of-nulls", List.of(new Raw("null"), new Raw("null"))));
      out.add(new Named<>("array-of-arrays", List.of(List.of(List.of()))));
    }
    out.add(new Named<>("null", null));
    return out;
  }

  private static void write(StringBuilder b, Object value) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof Raw raw) {
      b.append(raw.json());
    } else if (value instanceof String s) {
      string(b, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else if (value instanceof Map<?, ?> map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, String.valueOf(e.getKey()));
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (value instanceof Iterable<?> list) {
      b.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          b.append(',');
        }
        first = false;
        write(b, item);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        b.append(c).append(s.charAt(++i));
      } else if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
