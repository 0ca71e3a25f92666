package org.jobdash.resume.upload;

/**
 * Watches the bytes of one XML part for a document type declaration ({@code <!DOCTYPE}), which is where entities
 * (and so entity expansion, "billion laughs") come from. A DTD can stand only in the prolog, before the root
 * element, so the guard reads through the XML declaration, processing instructions, comments and whitespace and
 * stops looking at the root element's {@code <}. NUL bytes are skipped, so a UTF-16 part is watched as well, and so
 * are the bytes of a byte order mark. POI's parser refuses a DTD as well; this guard makes the refusal say why.
 */
final class XmlPrologGuard {

  private static final String DOCTYPE = "!DOCTYPE";

  private enum State { PROLOG, MARKUP, PROCESSING_INSTRUCTION, COMMENT, DONE }

  private State state = State.PROLOG;
  /** The characters read since the {@code <} that opened the markup at hand (up to the length of a DOCTYPE). */
  private final StringBuilder markup = new StringBuilder(DOCTYPE.length());
  /** The last two characters, to see the end of a comment ({@code -->}) or a processing instruction ({@code ?>}). */
  private char previous;
  private char beforePrevious;

  /** Reads {@code length} more bytes of the part; true as soon as a document type declaration is seen. */
  boolean declaresDoctype(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length && state != State.DONE; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0 || b == 0xEF || b == 0xBB || b == 0xBF || b == 0xFE || b == 0xFF) {
        continue;
      }
      if (read((char) b)) {
        return true;
      }
    }
    return false;
  }

  private boolean read(char c) {
    switch (state) {
      case PROLOG -> {
        if (c == '<') {
          state = State.MARKUP;
          markup.setLength(0);
        } else if (!Character.isWhitespace(c)) {
          state = State.DONE;
        }
      }
      case MARKUP -> {
        markup.append(c);
        if (markup.length() == 1 && c == '?') {
          state = State.PROCESSING_INSTRUCTION;
        } else if (markup.length() == 1 && c != '!') {
          state = State.DONE;
        } else if ("!--".contentEquals(markup)) {
          state = State.COMMENT;
        } else if (DOCTYPE.contentEquals(markup)) {
          return true;
        } else if (!DOCTYPE.startsWith(markup.toString()) && !"!--".startsWith(markup.toString())) {
          state = State.DONE;
        }
      }
      case PROCESSING_INSTRUCTION -> {
        if (previous == '?' && c == '>') {
          state = State.PROLOG;
        }
      }
      case COMMENT -> {
        if (beforePrevious == '-' && previous == '-' && c == '>') {
          state = State.PROLOG;
        }
      }
      case DONE -> {
        // the root element has begun: no DTD can follow
      }
    }
    beforePrevious = previous;
    previous = c;
    return false;
  }
}
