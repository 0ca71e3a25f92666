package org.jobdash.common.testing.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that has frozen or exhausted text-processing code elsewhere: runs that make backtracking patterns explode
 * (a heading marker followed by thousands of spaces, whitespace runs before a newline, an endless bullet,
 * punctuation and single-letter runs), thousands of short lines, text at the size limit, and characters that
 * databases and encoders refuse (NUL, lone surrogates). Every generator is deterministic.
 */
public final class HostileText {

  /** The run length the patterns are known to hurt at. */
  public static final int RUN = 20_000;

  private static final String WORDS = "Registered nurse with six years in emergency care; led triage, trained staff, "
      + "reduced waiting times by 20% and managed medication rounds for a busy ward. ";

  private HostileText() {}

  /**
   * The adversarial patterns, each as long as it naturally is (a {@value #RUN}-character run) but never longer
   * than {@code limit}: at the limit, where the limit is lower.
   */
  public static List<Named<String>> patterns(int limit) {
    List<Named<String>> out = new ArrayList<>();
    out.add(fitted("heading-3000-spaces", "#" + " ".repeat(3_000) + "b", limit, HostileText::headingSpaces));
    out.add(fitted("spaces-before-newline", " ".repeat(RUN) + "\nx", limit, n -> runThenNewline(' ', n)));
    out.add(fitted("tabs-before-newline", "\t".repeat(RUN) + "\nx", limit, n -> runThenNewline('\t', n)));
    out.add(fitted("nbsp-before-newline", "\u00A0".repeat(RUN) + "\nx", limit, n -> runThenNewline('\u00A0', n)));
    out.add(fitted("bullet-1,1,1", bullet(RUN), limit, HostileText::bullet));
    out.add(fitted("bangs", "!".repeat(RUN), limit, "!"::repeat));
    out.add(fitted("open-parens", "(".repeat(RUN), limit, "("::repeat));
    out.add(fitted("one-letter", "a".repeat(RUN), limit, "a"::repeat));
    out.add(fitted("short-lines", shortLines(RUN), limit, HostileText::shortLines));
    out.add(fitted("combining-marks", combining(RUN), limit, HostileText::combining));
    out.add(fitted("astral-emoji", astral(RUN), limit, HostileText::astral));
    out.add(fitted("5000-chars", "x".repeat(5_000), limit, "x"::repeat));
    out.add(new Named<>("maximum-size-" + limit, words(limit)));
    return out;
  }

  /** Characters that must be refused or stored faithfully, never crash a service: NUL and broken UTF-16. */
  public static List<Named<String>> encodings() {
    return List.of(
        new Named<>("nul-inside", "Head\u0000Nurse"),
        new Named<>("nul-only", "\u0000"),
        new Named<>("lone-high-surrogate", "Nurse \uD83D here"),
        new Named<>("lone-low-surrogate", "\uDE00 Nurse"),
        new Named<>("reversed-surrogates", "\uDE00\uD83D"),
        new Named<>("controls-and-separators", "a\u0001\u0008\u001B[2J\u0085\u2028\u2029\u202E\uFEFFz"));
  }

  /** {@code length} characters of plain résumé words, the most a field allows. */
  public static String words(int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() < length) {
      b.append(WORDS, 0, Math.min(WORDS.length(), length - b.length()));
    }
    return b.toString();
  }

  /** One character more than {@code limit}: the smallest text that must be refused. */
  public static String beyond(int limit) {
    return words(limit + 1);
  }

  /** {@code #}, spaces, then {@code b}: {@code length} characters in all. */
  public static String headingSpaces(int length) {
    return length < 2 ? "#".repeat(Math.max(0, length)) : "#" + " ".repeat(length - 2) + "b";
  }

  /** {@code c} repeated, then a newline and one letter: {@code length} characters in all. */
  public static String runThenNewline(char c, int length) {
    return length < 2 ? String.valueOf(c).repeat(Math.max(0, length))
        : String.valueOf(c).repeat(length - 2) + "\nx";
  }

  /** {@code - 1,1,1,…}: {@code length} characters of one bullet line. */
  public static String bullet(int length) {
    StringBuilder b = new StringBuilder(length).append("- ");
    while (b.length() < length) {
      b.append(b.length() % 2 == 0 ? '1' : ',');
    }
    b.setLength(Math.max(0, length));
    return b.toString();
  }

  /** Two-character lines {@code a\n}: {@code length / 2} of them. */
  public static String shortLines(int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() + 2 <= length) {
      b.append("a\n");
    }
    if (b.length() < length) {
      b.append('a');
    }
    return b.toString();
  }

  /** One letter under a pile of combining accents: {@code length} characters, one visible glyph. */
  public static String combining(int length) {
    return length < 1 ? "" : "e" + "\u0301".repeat(length - 1);
  }

  /** Emoji (surrogate pairs): {@code length} UTF-16 units, half as many code points; odd lengths end in a letter. */
  public static String astral(int length) {
    return "\uD83D\uDE00".repeat(length / 2) + (length % 2 == 1 ? "z" : "");
  }

  private static Named<String> fitted(String name, String natural, int limit,
                                      java.util.function.IntFunction<String> atLength) {
    if (natural.length() <= limit) {
      return new Named<>(name + "-" + natural.length(), natural);
    }
    return new Named<>(name + "-" + limit, atLength.apply(limit));
  }
}
