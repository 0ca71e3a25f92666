package org.jobdash.ai.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Each splitter gives what the {@code java.util.regex} it replaced gave, on thousands of random texts, and finishes
 * at once on the inputs that made those regular expressions backtrack.
 */
class LinesAndWordsTest {

  static final int CASES = 5_000;
  static final List<String> WORDS = List.of("Led", "a", "team", "of", "very ", "successfully ", "I'm", "don't",
      "ok.", "yes;", "\n\n", " \n \n", "- ", "1. ");
  static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @Test
  void linesAreWhatSplittingAtEveryLineBreakGave() {
    Random random = new Random(1);
    for (int i = 0; i < CASES; i++) {
      String text = RandomText.of(random, 30, WORDS);
      assertThat(Lines.split(text)).as(() -> escaped(text)).isEqualTo(Arrays.asList(text.split("\\R", -1)));
    }
    assertThat(Lines.split("")).containsExactly("");
    assertThat(Lines.split("a\r\nb\n")).containsExactly("a", "b", "");
  }

  @Test
  void paragraphsAreWhatSplittingAtBlankLinesGave() {
    Random random = new Random(2);
    for (int i = 0; i < CASES; i++) {
      String text = RandomText.of(random, 30, WORDS);
      assertThat(Lines.paragraphs(text)).as(() -> escaped(text)).isEqualTo(Arrays.asList(text.split("\\R\\s*\\R")));
    }
    assertThat(Lines.paragraphs("one\n\ntwo\n  \t\nthree\nstill three")).containsExactly("one", "two",
        "three\nstill three");
  }

  @Test
  void sentencesAreWhatSplittingAfterTheirEndsGave() {
    Random random = new Random(3);
    for (int i = 0; i < CASES; i++) {
      String text = RandomText.of(random, 30, WORDS);
      assertThat(Lines.sentences(text, ".!?")).as(() -> escaped(text))
          .isEqualTo(Arrays.asList(text.split("(?<=[.!?])\\s+|\\R")));
      // the other order of the same alternatives cuts at the same places, up to whitespace and blank pieces
      assertThat(stripped(Lines.sentences(text, ".;"))).as(() -> escaped(text))
          .isEqualTo(stripped(Arrays.asList(text.split("\\R|(?<=[.;])\\s+"))));
    }
  }

  @Test
  void wordsAreWhatSplittingAtWhitespaceGave() {
    Random random = new Random(4);
    for (int i = 0; i < CASES; i++) {
      String text = RandomText.of(random, 20, WORDS).strip();
      if (!text.isEmpty()) {
        assertThat(Words.split(text)).as(() -> escaped(text)).isEqualTo(Arrays.asList(text.split("\\s+")));
        assertThat(Words.count(text)).isEqualTo(text.split("\\s+").length);
      }
      assertThat(Words.firstAndRest(text)).as(() -> escaped(text)).isEqualTo(text.split("\\s+", 2));
      assertThat(Words.collapseSpaces(text)).isEqualTo(text.replaceAll("\\s+", " "));
    }
    assertThat(Words.split("")).isEmpty();
  }

  @Test
  void wordReplacementIsWhatTheWordBoundaryPatternGave() {
    Random random = new Random(5);
    List<String> words = List.of("very ", "really ", "successfully ", "I'm", "don't", "it's", "can't");
    for (int i = 0; i < CASES; i++) {
      String text = RandomText.of(random, 20, List.of("very ", "VERY ", "every ", "_very ", "I'm", "i'M", "don't",
          "it's", "its", "can't", "x", " "));
      for (String word : words) {
        boolean whole = !word.endsWith(" ");
        String pattern = "(?i)\\b" + Pattern.quote(word) + (whole ? "\\b" : "");
        assertThat(Words.replaceWord(text, word, "<>", whole)).as(() -> escaped(text) + " / " + word)
            .isEqualTo(text.replaceAll(pattern, Matcher.quoteReplacement("<>")));
      }
    }
  }

  @Test
  void textsAtTheSizeLimitAreSplitAtOnce() {
    int limit = 100_000;
    for (String text : List.of("\n".repeat(limit), " ".repeat(limit), "\n" + " ".repeat(limit - 2) + "x",
        "\r\n".repeat(limit / 2), ". ".repeat(limit / 2), "\n \n".repeat(limit / 3), "1,".repeat(limit / 2),
        "a".repeat(limit))) {
      assertTimeoutPreemptively(HANG_GUARD, () -> {
        assertThat(Lines.split(text)).isNotEmpty();
        Lines.paragraphs(text);
        Lines.sentences(text, ".!?");
        Words.count(text);
        Words.collapseSpaces(text);
        Words.replaceWord(text, "very ", "", false);
      });
    }
  }

  @Test
  void aCappedLineKeepsItsFirstCharactersAndNeverHalfASurrogatePair() {
    String emoji = "🏆";
    String line = "a".repeat(Lines.MAX_LINE_CHARS - 1) + emoji + "tail";
    assertThat(Lines.capped(line)).isEqualTo("a".repeat(Lines.MAX_LINE_CHARS - 1));
    assertThat(Lines.capped("short")).isEqualTo("short");
    assertThat(Lines.capped("b".repeat(50_000))).hasSize(Lines.MAX_LINE_CHARS);
  }

  private static List<String> stripped(List<String> pieces) {
    return pieces.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String escaped(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.append('"').toString();
  }
}
