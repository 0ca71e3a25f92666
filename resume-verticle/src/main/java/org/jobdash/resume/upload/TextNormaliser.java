package org.jobdash.resume.upload;

/**
 * Text as résumés keep it: {@code \n} line ends, no NUL and no unpaired surrogate (PostgreSQL text cannot hold
 * either), no blanks at line ends, at most one empty line in a row, no leading or trailing whitespace. One pass
 * over the text, so its cost is linear whatever the text is.
 */
public final class TextNormaliser {

  private static final char REPLACEMENT = '\uFFFD';

  private TextNormaliser() {}

  public static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    // where the run of blanks at the end of the output started, or -1
    int blanksFrom = -1;
    int newlines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (blanksFrom >= 0) {
          out.setLength(blanksFrom);
          blanksFrom = -1;
        }
        if (++newlines <= 2) {
          out.append('\n');
        }
        continue;
      }
      if (c == '\u0000') {
        continue;
      }
      if (isBlank(c)) {
        if (blanksFrom < 0) {
          blanksFrom = out.length();
        }
        out.append(c);
        continue;
      }
      blanksFrom = -1;
      newlines = 0;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString().strip();
  }

  /** The blanks dropped before a line end: space, tab, form feed and no-break space. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0';
  }
}
