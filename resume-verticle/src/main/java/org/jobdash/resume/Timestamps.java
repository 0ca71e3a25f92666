package org.jobdash.resume;

import java.time.OffsetDateTime;

/** Timestamps as the API writes them: ISO-8601 instants in UTC, or null. */
public final class Timestamps {

  private Timestamps() {}

  public static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
