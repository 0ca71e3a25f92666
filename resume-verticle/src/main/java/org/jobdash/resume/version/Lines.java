package org.jobdash.resume.version;

import java.util.ArrayList;
import java.util.List;

/** The lines of a text, split at {@code \n} (a {@code \r} before it dropped), empty ones kept. */
public final class Lines {

  private Lines() {}

  public static List<String> of(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
      lines.add(text.substring(start, end));
      start = i + 1;
    }
    lines.add(text.substring(start));
    return lines;
  }
}
