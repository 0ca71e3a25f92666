package org.jobdash.ai.analysis;

import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Chunks keep paragraphs whole up to a size; segments are the short lines and sentences; both end promptly. */
class ChunksTest {

  static final int MAX_TEXT = ContentAnalyzerTest.MAX_TEXT;
  static final Deadline NONE = ContentAnalyzerTest.NONE;

  @Test
  void paragraphsStayWholeUntilAChunkIsFull() {
    String text = "one two three\nfour\n\nfive six\n \nseven eight nine ten";
    assertThat(Chunks.of(text, 6, NONE)).containsExactly("one two three four\n\nfive six", "seven eight nine ten");
    assertThat(Chunks.of("a b c d e", 2, NONE)).containsExactly("a b", "c d", "e");
    assertThat(Chunks.of(" \n\n ", 120, NONE)).isEmpty();
  }

  @Test
  void segmentsAreLinesAndSentencesOfThreeWordsOrMoreWithoutTheirBullets() {
    String text = "- Led a team of six. Cut waste by 20%; kept HACCP logs\n• Short one\nLed a team of six.";
    assertThat(Chunks.segments(text, 48, NONE)).containsExactly("Led a team of six.", "Cut waste by 20%;",
        "kept HACCP logs");
    assertThat(Chunks.segments("a b c.\n".repeat(100) + "d e f\ng h i", 2, NONE)).containsExactly("a b c.", "d e f");
  }

  @Test
  void hostileTextsAtTheSizeLimitAreCutAtOnce() {
    for (String text : List.of("\n".repeat(MAX_TEXT), "\n" + " ".repeat(MAX_TEXT - 2) + "x",
        ("\n" + " ".repeat(999) + "x").repeat(MAX_TEXT / 1_001), "\r\n".repeat(MAX_TEXT / 2), ". ".repeat(MAX_TEXT / 2),
        "a ".repeat(MAX_TEXT / 2), "-".repeat(MAX_TEXT), "1,".repeat(MAX_TEXT / 2))) {
      assertTimeoutPreemptively(ContentAnalyzerTest.HANG_GUARD, () -> {
        List<String> chunks = Chunks.of(text, 120, NONE);
        assertThat(chunks).allSatisfy(c -> assertThat(c.split(" ").length).isLessThanOrEqualTo(120));
        assertThat(Chunks.segments(text, 48, NONE)).hasSizeLessThanOrEqualTo(48)
            .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(300));
      });
    }
  }

  @Test
  void cuttingPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> Chunks.of("one\n\ntwo", 120, cancelled)).isInstanceOf(Deadline.Exceeded.class);
    assertThatThrownBy(() -> Chunks.segments("one two three", 48, cancelled)).isInstanceOf(Deadline.Exceeded.class);
  }
}
