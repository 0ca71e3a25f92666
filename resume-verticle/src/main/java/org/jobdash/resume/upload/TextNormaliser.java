package org.jobdash.resume.upload;

/** Text as résumés keep it: {@code \n} line ends, no NUL (PostgreSQL text cannot hold one), no trailing blanks. */
public final class TextNormaliser {

  private TextNormaliser() {}

  public static String normalise(String text) {
    return text.replace("\u0000", "")
        .replace("\r\n", "\n")
        .replace('\r', '\n')
        .replaceAll("[ \\t\\f\\u00A0]+\\n", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }
}
