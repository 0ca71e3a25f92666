package org.jobdash.resume.upload;

import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MarkdownSnifferTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  private static boolean sniff(String name, String text) {
    return MarkdownSniffer.isMarkdown(name, text, Deadline.after(Duration.ofSeconds(30)));
  }

  @Test
  void headingsLinksAndEmphasisMakeMarkdown() {
    assertThat(sniff("cv.txt", "# Ana Lima\n\n## Experience\n- **Nurse** at [City Hospital](https://example.org)"))
        .isTrue();
    assertThat(sniff("cv.txt", "Ana Lima\n========\n\nNurse\n-----\n")).isTrue();
    assertThat(sniff("cv.txt", "```\ncode\n```\n__bold__ and __more__")).isTrue();
  }

  @Test
  void plainTextWithBulletsIsNotMarkdownButAMarkdownNameIs() {
    assertThat(sniff("cv.txt", "Ana Lima\nNurse, São Paulo\n- night shifts\n* triage\n#1 in my class")).isFalse();
    assertThat(sniff("notes.MD", "Ana Lima")).isTrue();
    assertThat(sniff(null, "Ana Lima")).isFalse();
  }

  @Test
  void theSampleIsBoundedInLengthAndLineLength() {
    String sample = MarkdownSniffer.sample("x".repeat(10_000) + "\n" + "y\n".repeat(100_000));

    assertThat(sample.length()).isEqualTo(MarkdownSniffer.SAMPLE_CHARS);
    assertThat(sample.lines().mapToInt(String::length).max().orElse(0)).isEqualTo(MarkdownSniffer.SAMPLE_LINE);
  }

  @Test
  void adversarialTextsAtTheSizeLimitAreSniffedInLinearTime() {
    List<String> hostile = List.of(
        "[".repeat(1_000_000),
        "[a](" + "b".repeat(1_000_000),
        "[a](b".repeat(200_000),
        "**".repeat(500_000),
        "__a".repeat(300_000),
        "#" + " ".repeat(1_000_000),
        ("x\n" + "=".repeat(1_000) + " ").repeat(1_000),
        "1,".repeat(500_000));

    for (String text : hostile) {
      assertTimeoutPreemptively(HANG_GUARD, () -> sniff("cv.txt", text));
    }
  }

  @Test
  void anExpiredDeadlineStopsTheSniffing() {
    String text = "[a](b ".repeat(20_000);

    assertThatThrownBy(() -> MarkdownSniffer.isMarkdown("cv.txt", text, Deadline.after(Duration.ZERO)))
        .isInstanceOf(Deadline.Exceeded.class);
  }
}
