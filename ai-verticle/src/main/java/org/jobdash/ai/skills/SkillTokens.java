package org.jobdash.ai.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a line as skill phrases read them, in one pass: runs of letters and digits, with '+' and '#' kept
 * ("C++", "C#", "C+E"), '.' and '&' kept between two letters or digits ("Node.js", "P&L"), apostrophes dropped
 * ("drivers'" is "drivers"); every other character separates words. Each word has its text as written and a key:
 * lower case, a plural 's' folded away ("care plans" and "care plan" have the same keys).
 */
public final class SkillTokens {

  /** One word: where it is in its line, as written, and its key. */
  public record Token(int start, int end, String exact, String key) {}

  private SkillTokens() {}

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  public static List<Token> of(String line) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    StringBuilder exact = new StringBuilder();
    while (i < n) {
      if (!wordChar(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      exact.setLength(0);
      while (i < n) {
        char c = line.charAt(i);
        if (wordChar(c)) {
          exact.append(c);
          i++;
        } else if ((c == '+' || c == '#') && !exact.isEmpty()) {
          exact.append(c);
          i++;
        } else if ((c == '.' || c == '&') && i + 1 < n && wordChar(line.charAt(i + 1)) && !exact.isEmpty()
            && wordChar(line.charAt(i - 1))) {
          exact.append(c);
          i++;
        } else if ((c == '\'' || c == '’') && !exact.isEmpty()) {
          i++;
        } else {
          break;
        }
      }
      String text = exact.toString();
      out.add(new Token(start, i, text, key(text)));
    }
    return out;
  }

  /** Lower case, a final plural 's' folded ("plans" → "plan"; "glass", "status", "analysis" kept). */
  static String key(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int l = w.length();
    if (l > 4 && w.endsWith("ies")) {
      return w.substring(0, l - 3) + "y";
    }
    if (l > 3 && w.charAt(l - 1) == 's' && "sui".indexOf(w.charAt(l - 2)) < 0
        && Character.isLetter(w.charAt(l - 2))) {
      return w.substring(0, l - 1);
    }
    return w;
  }
}
