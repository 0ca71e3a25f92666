package org.jobdash.resume.version;

import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedDiffTest {

  @Test
  void aDiffShowsTheChangedLinesWithContext() {
    String diff = UnifiedDiff.of("v1", "one\ntwo\r\nthree", "v2", "one\n2\nthree\nfour",
        Deadline.after(Duration.ofSeconds(30)));

    assertThat(diff).isEqualTo("--- v1\n+++ v2\n@@ -1,3 +1,4 @@\n one\n-two\n+2\n three\n+four");
  }

  @Test
  void aReplacedBlockShowsItsRemovedLinesFirst() {
    String diff = UnifiedDiff.of("v1", "one\ntwo\nthree", "v3", "one\n2\nfour\nfive\nsix",
        Deadline.after(Duration.ofSeconds(30)));

    assertThat(diff).isEqualTo("--- v1\n+++ v3\n@@ -1,3 +1,5 @@\n one\n-two\n-three\n+2\n+four\n+five\n+six");
  }

  @Test
  void twoLongUnrelatedTextsStopAtTheDeadline() {
    String a = IntStream.range(0, 60_000).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
    String b = IntStream.range(0, 60_000).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));

    assertThatThrownBy(() -> UnifiedDiff.of("a", a, "b", b, Deadline.after(Duration.ofMillis(200))))
        .isInstanceOf(Deadline.Exceeded.class);
  }
}
