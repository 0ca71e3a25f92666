package org.jobdash.ai.analysis;

import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Chunks keep paragraphs whole up to a size, and end promptly. */
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
  void hostileTextsAtTheSizeLimitAreCutAtOnce() {
    for (String text : List.of("\n".repeat(MAX_TEXT), "\n" + " ".repeat(MAX_TEXT - 2) + "x",
        ("\n" + " ".repeat(999) + "x").repeat(MAX_TEXT / 1_001), "\r\n".repeat(MAX_TEXT / 2), ". ".repeat(MAX_TEXT / 2),
        "a ".repeat(MAX_TEXT / 2), "-".repeat(MAX_TEXT), "1,".repeat(MAX_TEXT / 2))) {
      assertTimeoutPreemptively(ContentAnalyzerTest.HANG_GUARD, () -> {
        List<String> chunks = Chunks.of(text, 120, NONE);
        assertThat(chunks).allSatisfy(c -> assertThat(c.split(" ").length).isLessThanOrEqualTo(120));
      });
    }
  }

  @Test
  void cuttingPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> Chunks.of("one\n\ntwo", 120, cancelled)).isInstanceOf(Deadline.Exceeded.class);
  }
}
