package org.jobdash.resume.upload;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TextNormaliserTest {

  /** A hang guard only: the pattern this replaced backtracked over long runs of blanks. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  @Test
  void lineEndsBecomeNewlinesAndBlanksBeforeThemGo() {
    assertThat(TextNormaliser.normalise("a \t\r\nb\u00A0\rc\f\nd")).isEqualTo("a\nb\nc\nd");
  }

  @Test
  void atMostOneEmptyLineIsKeptAndTheEndsAreStripped() {
    assertThat(TextNormaliser.normalise("\n\n  a\n\n\n\nb\n \n \t\nc  \n\n")).isEqualTo("a\n\nb\n\nc");
  }

  @Test
  void blanksInsideALineStay() {
    assertThat(TextNormaliser.normalise("a    b\t\tc")).isEqualTo("a    b\t\tc");
  }

  @Test
  void nulIsDroppedAndAnUnpairedSurrogateBecomesTheReplacementCharacter() {
    assertThat(TextNormaliser.normalise("a\u0000b \u0000\nc")).isEqualTo("ab\nc");
    assertThat(TextNormaliser.normalise("x\uD800y\uDC00z\uD83D")).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
    assertThat(TextNormaliser.normalise("smile \uD83D\uDE00")).isEqualTo("smile \uD83D\uDE00");
  }

  @Test
  void longRunsOfBlanksAndNewlinesAtTheSizeLimitAreLinear() {
    String spacesThenNewline = "a" + " ".repeat(1_000_000) + "\nb";
    String spacesThenText = "a" + " ".repeat(1_000_000) + "b";
    String blankLines = " \n".repeat(500_000) + "x";
    String crs = "\r".repeat(1_000_000) + "x";

    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> TextNormaliser.normalise(spacesThenNewline)))
        .isEqualTo("a\nb");
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> TextNormaliser.normalise(spacesThenText)))
        .isEqualTo(spacesThenText);
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> TextNormaliser.normalise(blankLines))).isEqualTo("x");
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> TextNormaliser.normalise(crs))).isEqualTo("x");
  }
}
