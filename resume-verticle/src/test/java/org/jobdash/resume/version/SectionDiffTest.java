package org.jobdash.resume.version;

import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SectionDiffTest {

  /** A hang guard only: the backtracking heading pattern this replaced needed about a minute for 3,000 spaces. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  private static Deadline deadline() {
    return Deadline.after(Duration.ofSeconds(30));
  }

  private static List<String> summary(List<SectionChange> changes) {
    return changes.stream().map(c -> c.section() + ":" + c.changeType()).toList();
  }

  @Test
  void markdownHeadingsLoseTheirMarkersAndClosingRun() {
    assertThat(SectionDiff.headingOf("## Experience")).isEqualTo("Experience");
    assertThat(SectionDiff.headingOf("  ###   Skills   ##  ")).isEqualTo("Skills");
    assertThat(SectionDiff.headingOf("###### Six")).isEqualTo("Six");
    assertThat(SectionDiff.headingOf("# C#")).isEqualTo("C#");
    assertThat(SectionDiff.headingOf("# Skills#")).isEqualTo("Skills#");
  }

  @Test
  void sevenHashesOrNoSpaceOrNoNameIsNoMarkdownHeading() {
    assertThat(SectionDiff.headingOf("####### Seven")).isNull();
    assertThat(SectionDiff.headingOf("#hashtag")).isNull();
    assertThat(SectionDiff.headingOf("# ###")).isNull();
    assertThat(SectionDiff.headingOf("#")).isNull();
  }

  @Test
  void capitalLinesAndShortLinesEndingInAColonAreHeadings() {
    assertThat(SectionDiff.headingOf("WORK EXPERIENCE")).isEqualTo("WORK EXPERIENCE");
    assertThat(SectionDiff.headingOf("SKILLS & TOOLS")).isEqualTo("SKILLS & TOOLS");
    assertThat(SectionDiff.headingOf("Work experience:")).isEqualTo("Work experience");
    assertThat(SectionDiff.headingOf("Éducation et formation:")).isEqualTo("Éducation et formation");
    assertThat(SectionDiff.headingOf("IT")).isNull();
    assertThat(SectionDiff.headingOf("Phone: 0123")).isNull();
    assertThat(SectionDiff.headingOf("A:")).isNull();
    assertThat(SectionDiff.headingOf("1990s:")).isNull();
    assertThat(SectionDiff.headingOf("Acme Power, 2019-2024")).isNull();
  }

  @Test
  void aLineLongerThanAnyHeadingIsBodyTextWhateverItStartsWith() {
    String longLine = "# " + "a".repeat(SectionDiff.MAX_HEADING_LINE);

    assertThat(SectionDiff.headingOf(longLine)).isNull();
    assertThat(SectionDiff.headingOf("# " + "a".repeat(SectionDiff.MAX_HEADING_LINE - 2))).isNotNull();
  }

  @Test
  void changesNameTheSectionsAddedModifiedAndRemoved() {
    String before = "Jane Doe\n\nEXPERIENCE\nAcme, 2019\n\nSKILLS\nWiring\n\nHOBBIES\nChess";
    String after = "Jane Doe\n\nEXPERIENCE\nAcme, 2019-2024\n\nSKILLS\nWiring\n\n## Certifications\nMaster";

    List<SectionChange> changes = SectionDiff.between(before, after, deadline());

    assertThat(summary(changes)).containsExactly("EXPERIENCE:modified", "Certifications:added", "HOBBIES:removed");
    assertThat(changes.get(0).oldValue()).isEqualTo("EXPERIENCE\nAcme, 2019");
    assertThat(changes.get(0).newValue()).isEqualTo("EXPERIENCE\nAcme, 2019-2024");
  }

  @Test
  void repeatedHeadingsAreNumberedAndATextWithoutHeadingsIsOneSection() {
    List<SectionChange> numbered = SectionDiff.between("", "SKILLS\na\nSKILLS\nb\nSKILLS\nc", deadline());
    List<SectionChange> plain = SectionDiff.between("one line", "another line", deadline());

    assertThat(summary(numbered)).containsExactly("SKILLS:added", "SKILLS (2):added", "SKILLS (3):added");
    assertThat(summary(plain)).containsExactly("content:modified");
  }

  @Test
  void reorderedSectionsAreOneContentChangeAndWhitespaceAloneIsNone() {
    String a = "EXPERIENCE\nAcme\n\nSKILLS\nWiring";
    String b = "SKILLS\nWiring\n\nEXPERIENCE\nAcme";

    assertThat(summary(SectionDiff.between(a, b, deadline()))).containsExactly("content:modified");
    assertThat(SectionDiff.between(a, a + "\n\n", deadline())).isEmpty();
  }

  @Test
  void moreSectionsThanAResumeHasAreComparedAsOneWhole() {
    String many = "SECTION LINE\nx\n".repeat(SectionDiff.MAX_SECTIONS + 1);

    List<SectionChange> changes = SectionDiff.between("Jane Doe", many, deadline());

    assertThat(summary(changes)).containsExactly("content:modified");
  }

  @Test
  void adversarialLinesAtTheSizeLimitAreSplitInLinearTime() {
    List<String> hostile = List.of(
        "# a" + " ".repeat(3_000) + "b\n",
        "#" + " ".repeat(1_000_000) + "#",
        "# x" + " #".repeat(500_000),
        "1,".repeat(10_000),
        ("1," + " ".repeat(50)).repeat(20_000),
        "#".repeat(1_000_000),
        "Work experience" + " ".repeat(1_000_000) + ":",
        ("SKILLS\n").repeat(100_000),
        ("a (2)\n# a\n").repeat(50_000),
        ":\n".repeat(500_000));

    for (String text : hostile) {
      List<SectionChange> changes = assertTimeoutPreemptively(HANG_GUARD,
          () -> SectionDiff.between("Jane Doe", text, deadline()));
      assertThat(changes).isNotEmpty();
    }
  }

  @Test
  void anExpiredDeadlineStopsTheWork() {
    Deadline expired = Deadline.after(Duration.ZERO);

    assertThatThrownBy(() -> SectionDiff.between("a", "SKILLS\nb\n".repeat(10_000), expired))
        .isInstanceOf(Deadline.Exceeded.class);
  }
}
