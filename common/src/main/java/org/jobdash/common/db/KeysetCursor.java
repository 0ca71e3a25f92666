package org.jobdash.common.db;

import org.jobdash.common.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a newest-first list: the {@code created_at} and id of the last row a page showed, given to clients
 * as an opaque base64url string. Queries continue with {@code (created_at, id) < ($t, $id)}.
 */
public record KeysetCursor(OffsetDateTime createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The position in {@code raw}, or null for the first page (null or blank); a cursor not made here is a 400. */
  public static KeysetCursor decode(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
      int bar = decoded.indexOf('|');
      return new KeysetCursor(OffsetDateTime.parse(decoded.substring(0, bar)),
          UUID.fromString(decoded.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ApiException.Invalid.field("cursor", "is not a cursor this service gave out");
    }
  }
}
