package org.jobdash.launcher.gateway;

import org.jobdash.common.http.ApiException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the gateway reads a request path before it decides where the request goes. The path is percent-decoded once
 * (strict UTF-8, so overlong forms such as {@code %c0%ae} are malformed) and empty segments are dropped, as the
 * services' routers do. A path that could name something else once a backend normalises it is refused: a
 * {@code .} or {@code ..} segment, an encoded {@code .}, {@code /}, {@code \} or {@code %} (double encoding),
 * a backslash, a control character (NUL included), or a raw non-ASCII byte. What is left has the same segments
 * for the gateway and for the backend, so the raw path can be forwarded as it came.
 */
record GatewayPath(String normalised) {

  /** The path of {@code raw} (a request's path, without its query), or a 400 saying why it is refused. */
  static GatewayPath of(String raw) {
    if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
      throw refused("must start with /");
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        throw refused("must not contain a backslash");
      }
      if (c < 0x21 || c >= 0x7f) {
        throw refused("must not contain control characters or unencoded non-ASCII characters");
      }
      if (c != '%') {
        bytes.put((byte) c);
        continue;
      }
      int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
      if (low < 0) {
        throw refused("has a malformed percent-encoding");
      }
      int b = high * 16 + low;
      if (b == '.' || b == '/' || b == '\\' || b == '%' || b < 0x20 || b == 0x7f) {
        throw refused("must not encode '.', '/', '\\', '%' or control characters");
      }
      bytes.put((byte) b);
      i += 2;
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.flip()).toString();
    } catch (CharacterCodingException e) {
      throw refused("is not valid UTF-8 once decoded");
    }
    StringBuilder out = new StringBuilder(decoded.length());
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw refused("must not contain '.' or '..' segments");
      }
      if (!segment.isEmpty()) {
        out.append('/').append(segment);
      }
    }
    if (out.isEmpty() || decoded.endsWith("/")) {
      out.append('/');
    }
    return new GatewayPath(out.toString());
  }

  /** True when the path is {@code prefix} itself or lies under it. */
  boolean isUnder(String prefix) {
    return normalised.equals(prefix) || normalised.startsWith(prefix) && normalised.charAt(prefix.length()) == '/';
  }

  private static ApiException refused(String why) {
    return new ApiException.Invalid("The request path " + why);
  }
}
