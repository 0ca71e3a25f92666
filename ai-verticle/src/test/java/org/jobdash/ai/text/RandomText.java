package org.jobdash.ai.text;

import java.util.List;
import java.util.Random;

/**
 * Short random texts made of the pieces the text rules react to, for comparing a rule with the regular expression
 * it replaced on thousands of inputs. Seeded, so a failure can be replayed.
 */
public final class RandomText {

  /** Whitespace, line breaks, bullets, punctuation, digits and letters, one or two characters each. */
  public static final List<String> CHARACTERS = List.of(" ", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "\u000B",
      "\f", "\u0085", "\u2028", "\u2029", "\u00a0", "\u2003", "-", "•", "*", "–", "#", "_", "=", ":", ".", ",", ";",
      "!", "?", "|", "%", "$", "€", "+", "/", "&", "(", ")", "[", "]", "<", "'", "1", "2", "0", "9", "a", "b", "x",
      "k", "m", "K", "é", "Ü", "_", "🏆");

  private RandomText() {}

  /** Up to {@code maxPieces} pieces, each from {@code pieces} or (one time in three) {@link #CHARACTERS}. */
  public static String of(Random random, int maxPieces, List<String> pieces) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(maxPieces + 1);
    for (int i = 0; i < n; i++) {
      List<String> from = pieces.isEmpty() || random.nextInt(3) == 0 ? CHARACTERS : pieces;
      b.append(from.get(random.nextInt(from.size())));
    }
    return b.toString();
  }
}
