package org.jobdash.resume.upload;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells Markdown from plain text: by the name's extension, else by Markdown syntax in the text. */
final class MarkdownSniffer {

  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+\\S");
  private static final Pattern FENCE = Pattern.compile("(?m)^```");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]+\\]\\([^)\\s]+\\)");
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__)[^*_\\n]+\\1");
  private static final Pattern SETEXT = Pattern.compile("(?m)^\\S.*\\n(=+|-+)\\s*$");

  private MarkdownSniffer() {}

  static boolean isMarkdown(String fileName, String text) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return true;
    }
    // list bullets alone are common in plain-text résumés; headings, fences, links and emphasis are not
    int score = 2 * count(HEADING, text) + 2 * count(FENCE, text) + 2 * count(SETEXT, text)
        + count(LINK, text) + count(EMPHASIS, text);
    return score >= 3;
  }

  private static int count(Pattern pattern, String text) {
    var matcher = pattern.matcher(text);
    int n = 0;
    while (n < 3 && matcher.find()) {
      n++;
    }
    return n;
  }
}
