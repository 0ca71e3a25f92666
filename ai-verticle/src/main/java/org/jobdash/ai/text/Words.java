package org.jobdash.ai.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Words of user text read in one pass, in place of {@code java.util.regex}, whose backtracking turns some patterns
 * quadratic on a long run of one character. "Whitespace" here is the regex class {@code \s} ({@code [ \t\n\x0B\f\r]}),
 * and case is ignored only for ASCII letters, as {@code Pattern.CASE_INSENSITIVE} does, so each method gives what
 * the regular expression it names gave.
 */
public final class Words {

  private Words() {}

  /** The regex class {@code \s}. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The first index at or after {@code from} that is not whitespace (the length when there is none). */
  public static int skipSpaces(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The first index at or after {@code from} that is whitespace (the length when there is none). */
  private static int nextSpace(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && !isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The words of a stripped, non-blank text: {@code text.split("\\s+")}; none for an empty text. */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    int i = skipSpaces(text, 0);
    while (i < text.length()) {
      int end = nextSpace(text, i);
      words.add(text.substring(i, end));
      i = skipSpaces(text, end);
    }
    return words;
  }

  /** {@code split(text).size()} without the words. */
  public static int count(String text) {
    int count = 0;
    int i = skipSpaces(text, 0);
    while (i < text.length()) {
      count++;
      i = skipSpaces(text, nextSpace(text, i));
    }
    return count;
  }

  /**
   * A stripped text's first word and, when whitespace follows it, what comes after that whitespace:
   * {@code text.split("\\s+", 2)}.
   */
  public static String[] firstAndRest(String text) {
    int end = nextSpace(text, 0);
    return end == text.length() ? new String[] {text}
        : new String[] {text.substring(0, end), text.substring(skipSpaces(text, end))};
  }

  /** Every run of whitespace as one space: {@code text.replaceAll("\\s+", " ")}. */
  public static String collapseSpaces(String text) {
    StringBuilder b = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (isSpace(text.charAt(i))) {
        b.append(' ');
        i = skipSpaces(text, i);
      } else {
        b.append(text.charAt(i++));
      }
    }
    return b.toString();
  }

  /** Whether {@code text} holds {@code word} at {@code at}, ASCII letters compared without case. */
  public static boolean matchesAt(CharSequence text, int at, String word) {
    if (at < 0 || at + word.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char w = word.charAt(i);
      char t = text.charAt(at + i);
      if (w != t && !(isAsciiLetter(w) && (w | 0x20) == (t | 0x20))) {
        return false;
      }
    }
    return true;
  }

  /** The text with ASCII letters in lower case and every other character as it was (the length is kept). */
  public static String asciiLower(String text) {
    char[] out = text.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (out[i] >= 'A' && out[i] <= 'Z') {
        out[i] = (char) (out[i] | 0x20);
      }
    }
    return new String(out);
  }

  /** A letter or number in any script: {@code [\p{L}\p{N}]}. */
  public static boolean isLetterOrNumber(int codePoint) {
    if (Character.isLetter(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** A character {@code \b} counts as part of a word (letters and digits of any script, and '_', as in JDK 17). */
  private static boolean isWordChar(int codePoint) {
    return codePoint == '_' || Character.isLetterOrDigit(codePoint);
  }

  /** Whether a word character comes right before {@code at}. */
  private static boolean wordCharBefore(CharSequence text, int at) {
    return at > 0 && isWordChar(Character.codePointBefore(text, at));
  }

  /** Whether a word character starts at {@code at}. */
  private static boolean wordCharAt(CharSequence text, int at) {
    return at < text.length() && isWordChar(Character.codePointAt(text, at));
  }

  /**
   * {@code text} with every occurrence of {@code word} that starts a word (and, when {@code wholeWord}, also ends
   * one) replaced: {@code text.replaceAll("(?i)\\b" + Pattern.quote(word) + (wholeWord ? "\\b" : ""), replacement)}
   * for a word that starts, and when whole also ends, with a word character.
   */
  public static String replaceWord(String text, String word, String replacement, boolean wholeWord) {
    return replaceEach(text, word, replacement, (t, start, end) -> !wordCharBefore(t, start)
        && (!wholeWord || !wordCharAt(t, end)) ? end : -1);
  }

  /** Where an occurrence of a word at {@code [start, end)} and what goes with it ends, or -1 when it does not count. */
  public interface Occurrence {
    int end(String text, int start, int end);
  }

  /**
   * {@code text} with each occurrence of {@code word} (ASCII letters in any case) that {@code occurrence} counts
   * replaced, up to where it says, left to right as {@code replaceAll} does; linear in the text for a given word.
   */
  public static String replaceEach(String text, String word, String replacement, Occurrence occurrence) {
    if (word.isEmpty()) {
      return text;
    }
    StringBuilder b = null;
    int copied = 0;
    int i = 0;
    while (i + word.length() <= text.length()) {
      int end = matchesAt(text, i, word) ? occurrence.end(text, i, i + word.length()) : -1;
      if (end < 0) {
        i++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder(text.length());
      }
      b.append(text, copied, i).append(replacement);
      copied = end;
      i = end;
    }
    return b == null ? text : b.append(text, copied, text.length()).toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
