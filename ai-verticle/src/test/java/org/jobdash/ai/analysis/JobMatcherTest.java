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
import static org.assertj.core.api.Assertions.tuple;
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

  /** A unit vector at {@code cosine} to (1, 0). */
  private static float[] at(double cosine) {
    return new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine)};
  }

  private static JobMatcher.Match match(String resume, String job, List<float[]> resumeChunks,
                                        List<float[]> jobChunks) {
    return JobMatcher.match(SkillTaxonomy.shared(), resume, job, resumeChunks, jobChunks, NONE);
  }

  @Test
  void withoutSkillsOrYearsTheScoreIsTheSimilarityAlone() {
    String resume = "Lorem ipsum dolor sit amet";
    String job = "Consectetur adipiscing elit";
    assertThat(SkillTaxonomy.shared().findByPhrase(resume + " " + job, NONE)).isEmpty();
    JobMatcher.Match same = match(resume, job, List.of(at(1)), List.of(at(1)));
    assertThat(same.score()).isEqualTo(100.0);
    assertThat(same.semanticSimilarity()).isEqualTo(1.0);
    assertThat(same.skillScore()).isNull();
    assertThat(same.experienceScore()).isNull();
    assertThat(same.matchedSkills()).isEmpty();
    assertThat(same.missingSkills()).isEmpty();
    assertThat(same.recommendations()).isEmpty();
    assertThat(same.jobCategory()).isNull();
  }

  @Test
  void similarityCountsFromZeroAtPointFifteenToAHundredAtPointSeventyFive() {
    String resume = "Lorem ipsum";
    String job = "Dolor sit";
    assertThat(match(resume, job, List.of(at(1)), List.of(at(0.75))).score()).isEqualTo(100.0);
    assertThat(match(resume, job, List.of(at(1)), List.of(at(0.45))).score()).isEqualTo(50.0);
    assertThat(match(resume, job, List.of(at(1)), List.of(at(0.15))).score()).isEqualTo(0.0);
    assertThat(match(resume, job, List.of(at(1)), List.of(at(0.9))).score()).isEqualTo(100.0);
    assertThat(match(resume, job, List.of(at(1)), List.of(at(0))).score()).isEqualTo(0.0);
    assertThat(match(resume, job, List.of(at(1)), List.of()).semanticSimilarity()).isZero();
  }

  @Test
  void aDistantResumeIsToldSoInTheJobsTradeOrPlainlyWithoutOne() {
    assertThat(match("Lorem ipsum", "Dolor sit", List.of(at(1)), List.of(at(0.3))).recommendations())
        .containsExactly("Your experience reads far from this posting: mirror its wording for the duties you have "
            + "really done, and lead with the most relevant role.");
    assertThat(match("Java", "Java", List.of(at(1)), List.of(at(0.3))).recommendations())
        .contains("Your experience reads far from this technology posting: mirror its wording for the duties you "
            + "have really done, and lead with the most relevant role.");
    assertThat(match("Lorem ipsum", "Dolor sit", List.of(at(1)), List.of(at(0.46))).recommendations()).isEmpty();
  }

  @Test
  void eachJobChunkCountsItsBestResumeChunkAndTheBestAreAveraged() {
    float[] east = at(1);
    float[] north = at(0);
    assertThat(match("Lorem", "Ipsum", List.of(east, north), List.of(east, north)).semanticSimilarity())
        .isEqualTo(1.0);
    JobMatcher.Match half = match("Lorem", "Ipsum", List.of(east, east), List.of(east, north));
    assertThat(half.semanticSimilarity()).isEqualTo(0.5);
    assertThat(half.score()).isEqualTo(58.33);
  }

  @Test
  void theJobsRequirementsWeighSixtyPercentAndTheMissingOnesAreNamed() {
    JobMatcher.Match m = match("Backend developer: Java", "Java and Kubernetes", List.of(at(1)), List.of(at(1)));
    assertThat(m.matchedSkills()).containsExactly("Java");
    assertThat(m.missingSkills()).containsExactly("Kubernetes");
    assertThat(m.skillScore()).isEqualTo(50.0);
    assertThat(m.score()).isEqualTo(0.4 * 100 + 0.6 * 50);
    assertThat(m.jobCategory()).isEqualTo("technology");
    assertThat(m.recommendations().get(0)).isEqualTo("The posting asks for Kubernetes: if you have these, name them "
        + "in your skills section and show them in a technology role.");
    assertThat(m.recommendations()).hasSize(3).as("two lines of the trade's advice follow")
        .containsAll(SkillTaxonomy.shared().category("technology").advice().subList(0, 2));
    assertThat(m.requirements()).extracting(JobMatcher.Evidence::name, JobMatcher.Evidence::met,
            JobMatcher.Evidence::resumeLine)
        .containsExactly(tuple("Java", true, "Backend developer: Java"), tuple("Kubernetes", false, null));
  }

  @Test
  void requiredItemsWeighTwicePreferredOnesAndOnlyRequiredOnesAreMissing() {
    String job = "Requirements\n- Java\n- Kubernetes\n\nNice to have\n- Terraform\n";
    JobMatcher.Match m = match("Skills\nJava, Terraform\n", job, List.of(at(1)), List.of(at(1)));
    assertThat(m.matchedSkills()).containsExactly("Java", "Terraform");
    assertThat(m.missingSkills()).containsExactly("Kubernetes");
    assertThat(m.missingPreferred()).isEmpty();
    assertThat(m.skillScore()).isEqualTo(Math.round(100.0 * (2 + 1) / (2 + 2 + 1) * 100) / 100.0);
    JobMatcher.Match other = match("Skills\nJava, Kubernetes\n", job, List.of(at(1)), List.of(at(1)));
    assertThat(other.missingSkills()).isEmpty();
    assertThat(other.missingPreferred()).containsExactly("Terraform");
    assertThat(other.skillScore()).isEqualTo(80.0);
  }

  @Test
  void fewerYearsThanAskedCountAsARequirementPartlyMetAndAreAdvisedOn() {
    JobMatcher.Match short3 = match("3 years of Java", "Java, 5+ years", List.of(at(1)), List.of(at(1)));
    assertThat(short3.experienceScore()).isEqualTo(60.0);
    assertThat(short3.skillScore()).isEqualTo(100.0 * (2 + 2 * 0.6) / 4);
    assertThat(short3.score()).isEqualTo(0.4 * 100 + 0.6 * 80);
    assertThat(short3.recommendations()).anyMatch(r -> r.startsWith("The posting asks for more years"));
    assertThat(short3.requirements()).anyMatch(e -> e.kind().equals("experience") && !e.met());
    JobMatcher.Match enough = match("8 years of Java", "Java, 5+ years", List.of(at(1)), List.of(at(1)));
    assertThat(enough.experienceScore()).isEqualTo(100.0);
    assertThat(enough.score()).isEqualTo(100.0);
    assertThat(enough.recommendations()).noneMatch(r -> r.startsWith("The posting asks for more years"));
  }

  @Test
  void theTextsComparedByMeaningAreBoundedAndEmbeddable() {
    String resume = "Skills\n" + "\u00a0\u00a0\n".repeat(50) + "line number x\n".repeat(1) + "- Did thing %d\n"
        .repeat(1).formatted(0) + java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "- Task " + i + "\n")
        .collect(java.util.stream.Collectors.joining());
    String job = "Requirements\n" + java.util.stream.IntStream.range(0, 500).mapToObj(i -> "- Widget " + i + " work\n")
        .collect(java.util.stream.Collectors.joining());
    List<String> texts = JobMatcher.meaningTexts(SkillTaxonomy.shared(), resume, job, NONE);
    assertThat(texts).hasSizeLessThanOrEqualTo(JobMatcher.MAX_MEANING_REQUIREMENTS + JobMatcher.MAX_MEANING_LINES)
        .allMatch(t -> t.codePoints().anyMatch(Character::isLetterOrDigit));
  }

  @Test
  void theYearsOfAResumeAreItsDatedSpanOrTheMostItStates() {
    assertThat(JobMatcher.resumeYears("Nurse, 2015 – 2019\nCharge nurse, 2019 – present\n", NONE))
        .isEqualTo(java.time.Year.now().getValue() - 2015);
    assertThat(JobMatcher.resumeYears("Chef with 12 years in kitchens; 2020 – 2022\n", NONE)).isEqualTo(12);
    assertThat(JobMatcher.resumeYears("Phone 020 7946 0183, postcode 12345\n", NONE)).isZero();
  }

  @Test
  void matchingPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> SkillTaxonomy.shared().findByPhrase("Java and Kubernetes", cancelled))
        .isInstanceOf(Deadline.Exceeded.class);
  }
}
