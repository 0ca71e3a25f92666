package org.jobdash.ai.session;

import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** A keyset position in a newest-first list: the {@code created_at} and id of the last row a page showed. */
public record Cursor(OffsetDateTime createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code cursor} query parameter, or null for the first page; a malformed one is a 400. */
  public static Cursor from(RoutingContext ctx) {
    String raw = ctx.request().getParam("cursor");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
      int bar = decoded.indexOf('|');
      return new Cursor(OffsetDateTime.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ApiException.Invalid.field("cursor", "is not a cursor this service gave out");
    }
  }
}
