package org.jobdash.resume.upload;

import org.apache.tika.parser.microsoft.rtf.RTFParser;

/**
 * The text of an RTF file with Tika's parser, after a linear scan of its groups: RTF compresses nothing, but a file
 * of nothing but opening braces would make the parser keep a state per level, so nesting deeper than
 * {@link #MAX_DEPTH} is refused first. Embedded objects are neither parsed nor held beyond the budget.
 */
final class RtfText {

  /** Real RTF nests a few dozen groups at most. */
  static final int MAX_DEPTH = 256;

  private RtfText() {}

  static String read(byte[] bytes, ReadBudget budget, int maxChars) {
    checkNesting(bytes);
    RTFParser parser = new RTFParser();
    parser.setMemoryLimitInKb((int) Math.min(Integer.MAX_VALUE, budget.maxDecodedBytes() / 1024));
    return TikaText.read(parser, bytes, budget, maxChars, "RTF");
  }

  /** Braces escaped with a backslash are text; the rest open and close groups. */
  static void checkNesting(byte[] bytes) {
    int depth = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\\') {
        i++;
      } else if (b == '{') {
        if (++depth > MAX_DEPTH) {
          throw UploadProblems.tooDeeplyNested("The RTF nests groups more than " + MAX_DEPTH + " levels deep");
        }
      } else if (b == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
  }
}
