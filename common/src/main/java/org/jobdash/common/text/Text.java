package org.jobdash.common.text;

/** Small text rules every service applies the same way. */
public final class Text {

  private Text() {}

  /** {@code s} stripped, or null when it is null or blank. */
  public static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String stripped = s.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
