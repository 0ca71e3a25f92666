package org.jobdash.resume.document;

import org.jobdash.common.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** The opaque {@code cursor} of a listing: base64url of the last item's creation time and id. */
final class ResumeCursor {

  private ResumeCursor() {}

  static String encode(Resume last) {
    String raw = last.createdAt() + "|" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position after which the next page starts; a cursor this service did not make is a 400. */
  static ResumeRepository.Position decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new ResumeRepository.Position(OffsetDateTime.parse(raw.substring(0, bar)),
          UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ApiException.Invalid.field("cursor", "is not a cursor from a previous page");
    }
  }
}
