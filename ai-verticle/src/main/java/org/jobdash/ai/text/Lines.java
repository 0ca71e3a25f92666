package org.jobdash.ai.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines, paragraphs, sentences and bullets of user text, found in linear time in place of the
 * {@code java.util.regex} splits they replace (named on each method, with the same results). A line break is what
 * {@code \R} matches: {@code \r\n} or one of {@code \n \x0B \f \r \u0085 \u2028 \u2029}.
 */
public final class Lines {

  /**
   * The longest line a rule reads. Résumé lines are headings, bullets and paragraphs of a few hundred characters;
   * a line of tens of thousands (a pasted table, a run of one character) is not something a reader judges line by
   * line, yet every rule costs time in proportion to the line it reads, once per line. So the analyses read the
   * first {@value} characters of a longer line, and the optimiser leaves such a line as it was written.
   */
  public static final int MAX_LINE_CHARS = 2_000;

  /** The characters that open a bulleted line. */
  private static final String BULLET_MARKS = "-•*·▪◦‣–";

  private Lines() {}

  /** Where a delimiter that starts at {@code i} ends, or -1 when none starts there. */
  private interface Delimiter {
    int endAt(String text, int i);
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** The length of the line break at {@code i}: 2 for {@code \r\n}, 1 for another, 0 for none. */
  private static int breakAt(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
      return 2;
    }
    return isBreak(c) ? 1 : 0;
  }

  /** The lines of a text, the last one possibly empty: {@code text.split("\\R", -1)}. */
  public static List<String> split(String text) {
    return split(text, (t, i) -> {
      int length = breakAt(t, i);
      return length == 0 ? -1 : i + length;
    }, true);
  }

  /** The paragraphs of a text, separated by a blank line: {@code text.split("\\R\\s*\\R")}. */
  public static List<String> paragraphs(String text) {
    return split(text, Lines::paragraphBreakEnd, false);
  }

  /**
   * A text cut at line breaks and at the whitespace after any of {@code ends}:
   * {@code text.split("(?<=[" + ends + "])\\s+|\\R")}. {@code text.split("\\R|(?<=[" + ends + "])\\s+")} cuts at the
   * same places but keeps some of the whitespace after a line break; once each piece is stripped and blank ones
   * skipped, as every caller does, the two are the same.
   */
  public static List<String> sentences(String text, String ends) {
    return split(text, (t, i) -> {
      if (i > 0 && ends.indexOf(t.charAt(i - 1)) >= 0 && Words.isSpace(t.charAt(i))) {
        return Words.skipSpaces(t, i);
      }
      int length = breakAt(t, i);
      return length == 0 ? -1 : i + length;
    }, false);
  }

  /** The first {@link #MAX_LINE_CHARS} characters of a line, never half a surrogate pair. */
  public static String capped(String line) {
    if (line.length() <= MAX_LINE_CHARS) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(MAX_LINE_CHARS - 1)) ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
    return line.substring(0, end);
  }

  /**
   * Where the bullet marker at {@code from} ends: after one of {@link #BULLET_MARKS} or, when {@code numbered},
   * after digits and a '.' or ')' ({@code [-•*·▪◦‣–]|\d+[.)]}); -1 when no marker is there.
   */
  public static int markerEnd(String line, int from, boolean numbered) {
    if (from >= line.length()) {
      return -1;
    }
    if (BULLET_MARKS.indexOf(line.charAt(from)) >= 0) {
      return from + 1;
    }
    if (!numbered) {
      return -1;
    }
    int i = from;
    while (i < line.length() && Words.isDigit(line.charAt(i))) {
      i++;
    }
    return i > from && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')') ? i + 1 : -1;
  }

  /**
   * {@code \R\s*\R} at {@code i}, tried as java.util.regex tries it: the first break as {@code \r\n}, then as a lone
   * {@code \r}; the whitespace as long as it goes, given back until a second break follows. Each character is looked
   * at a bounded number of times over the whole split: where no match starts, the run just read holds no break.
   */
  private static int paragraphBreakEnd(String text, int i) {
    int first = breakAt(text, i);
    for (int length = first; length > 0; length--) {
      int from = i + length;
      for (int e = Words.skipSpaces(text, from); e >= from; e--) {
        int second = e < text.length() ? breakAt(text, e) : 0;
        if (second > 0) {
          return e + second;
        }
      }
    }
    return -1;
  }

  /**
   * Splits like {@code String.split}: pieces between delimiters found left to right; with {@code keepTrailing}
   * false the empty pieces at the end are dropped; a text without delimiters is one piece, even when empty.
   */
  private static List<String> split(String text, Delimiter delimiter, boolean keepTrailing) {
    List<String> pieces = new ArrayList<>();
    int last = 0;
    int i = 0;
    while (i < text.length()) {
      int end = delimiter.endAt(text, i);
      if (end > i) {
        pieces.add(text.substring(last, i));
        last = end;
        i = end;
      } else {
        i++;
      }
    }
    if (pieces.isEmpty()) {
      return List.of(text);
    }
    pieces.add(text.substring(last));
    if (!keepTrailing) {
      while (!pieces.isEmpty() && pieces.get(pieces.size() - 1).isEmpty()) {
        pieces.remove(pieces.size() - 1);
      }
    }
    return pieces;
  }
}
