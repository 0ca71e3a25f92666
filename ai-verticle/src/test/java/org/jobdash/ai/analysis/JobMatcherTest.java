package org.jobdash.ai.analysis;

import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.text.RandomText;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Years of experience and skills named in a text, read in one pass however the text is made. */
class JobMatcherTest {

  static final int MAX_TEXT = ContentAnalyzerTest.MAX_TEXT;
  static final Duration HANG_GUARD = ContentAnalyzerTest.HANG_GUARD;
  static final Deadline NONE = ContentAnalyzerTest.NONE;

  @Test
  void theMostYearsATextNamesAreFound() {
    assertThat(JobMatcher.maxYears("Sous chef with 5 years in fine dining")).isEqualTo(5);
    assertThat(JobMatcher.maxYears("10+ yrs of welding; 3 years TIG")).isEqualTo(10);
    assertThat(JobMatcher.maxYears("3 - 5 Years in a busy kitchen")).isEqualTo(5);
    assertThat(JobMatcher.maxYears("12 +\n YEARS")).isEqualTo(12);
    assertThat(JobMatcher.maxYears("five years, since 2019")).isZero();
    // like the pattern, only the last two digits of a longer number stand before the unit
    assertThat(JobMatcher.maxYears("a 123 years old firm")).isEqualTo(23);
  }

  @Test
  void yearsAreTheOnesTheOldPatternFound() {
    Pattern old = Pattern.compile("(\\d{1,2})\\s*\\+?\\s*(?:years|yrs)", Pattern.CASE_INSENSITIVE);
    Random random = new Random(21);
    List<String> pieces = List.of("1", "12", "123", "2019", " ", "+", " years", "years", "YRS", "yr", "s", "Year",
        "\n", ",", "x");
    for (int i = 0; i < 20_000; i++) {
      String text = RandomText.of(random, 12, pieces);
      int max = 0;
      Matcher m = old.matcher(text);
      while (m.find()) {
        max = Math.max(max, Integer.parseInt(m.group(1)));
      }
      assertThat(JobMatcher.maxYears(text)).as(text).isEqualTo(max);
    }
  }

  @Test
  void hostileTextsAtTheSizeLimitAreReadAtOnce() {
    SkillTaxonomy taxonomy = SkillTaxonomy.shared();
    for (String text : List.of("1" + " ".repeat(MAX_TEXT - 2) + "x", "1,".repeat(MAX_TEXT / 2),
        "1".repeat(MAX_TEXT), "1 +".repeat(MAX_TEXT / 3), "go".repeat(MAX_TEXT / 2), "c".repeat(MAX_TEXT),
        "\u00a0\t ".repeat(MAX_TEXT / 3))) {
      assertTimeoutPreemptively(HANG_GUARD, () -> {
        assertThat(JobMatcher.maxYears(text)).isLessThan(100);
        assertThat(taxonomy.findByPhrase(text, NONE)).hasSizeLessThan(50);
      });
    }
  }

  @Test
  void matchingPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> SkillTaxonomy.shared().findByPhrase("Java and Kubernetes", cancelled))
        .isInstanceOf(Deadline.Exceeded.class);
  }
}
