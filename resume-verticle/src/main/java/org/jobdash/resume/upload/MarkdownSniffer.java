package org.jobdash.resume.upload;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.jobdash.common.work.Deadline;

import java.util.List;
import java.util.Locale;

/**
 * Tells Markdown from plain text: by the name's extension, else by Markdown syntax in the start of the text. The
 * patterns are RE2/J (linear time) and see only a sample of bounded size with bounded lines.
 */
final class MarkdownSniffer {

  /** Markdown shows itself in the first pages; the rest of a long text adds nothing to the verdict. */
  static final int SAMPLE_CHARS = 64 * 1024;
  /** Longer lines are cut in the sample: no Markdown marker needs more. */
  static final int SAMPLE_LINE = 500;

  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+\\S");
  private static final Pattern FENCE = Pattern.compile("(?m)^```");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]+\\]\\([^)\\s]+\\)");
  private static final Pattern STRONG_STARS = Pattern.compile("\\*\\*[^*_\\n]+\\*\\*");
  private static final Pattern STRONG_UNDERSCORES = Pattern.compile("__[^*_\\n]+__");
  private static final Pattern SETEXT = Pattern.compile("(?m)^\\S.*\\n(?:=+|-+)[ \\t]*$");

  /** Each kind of marker counts this many times at most, so one kind alone cannot decide. */
  private static final int MAX_PER_KIND = 3;

  private record Marker(Pattern pattern, int weight) {}

  // list bullets alone are common in plain-text résumés; headings, fences, links and emphasis are not
  private static final List<Marker> MARKERS = List.of(new Marker(HEADING, 2), new Marker(FENCE, 2),
      new Marker(SETEXT, 2), new Marker(LINK, 1), new Marker(STRONG_STARS, 1), new Marker(STRONG_UNDERSCORES, 1));

  private MarkdownSniffer() {}

  static boolean isMarkdown(String fileName, String text, Deadline deadline) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return true;
    }
    CharSequence sample = deadline.watch(sample(text));
    int score = 0;
    for (Marker marker : MARKERS) {
      score += marker.weight() * count(marker.pattern(), sample);
    }
    return score >= 3;
  }

  /** The first {@link #SAMPLE_CHARS} of the text, each line cut to {@link #SAMPLE_LINE} characters. */
  static String sample(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), SAMPLE_CHARS));
    int lineLength = 0;
    for (int i = 0; i < text.length() && out.length() < SAMPLE_CHARS; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineLength = 0;
        out.append(c);
      } else if (lineLength++ < SAMPLE_LINE) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int count(Pattern pattern, CharSequence text) {
    Matcher matcher = pattern.matcher(text);
    int n = 0;
    while (n < MAX_PER_KIND && matcher.find()) {
      n++;
    }
    return n;
  }
}
