package org.jobdash.ai.analysis;

import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.RandomText;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The content rules: what each finds in ordinary lines (the same as the regular expressions they replaced, on
 * random lines), and that hostile texts at the size limit are analysed at once rather than backtracked over.
 */
class ContentAnalyzerTest {

  /** The limit of {@code ai.limits.maxTextChars}. */
  static final int MAX_TEXT = 100_000;
  static final Duration HANG_GUARD = Duration.ofSeconds(20);
  static final Deadline NONE = Deadline.after(Duration.ofHours(1));
  static final List<String> PIECES = List.of("12", "2019", "1,200", "3.5", "%", " percent", "k", "m", "x", "$", "€ ",
      " people", " staff", " years", " hours", "people", "image", "[image: me.png]", "![x](", "<img", ".png", ".jpeg",
      ".svg", "page ", "Page 2", " of ", " / ", "Confidential", "header:", "FOOTER:", "curriculum vitae - page",
      "- ", "• ", "1. ", "2) ", "12.", "## ", "Experience", "SKILLS", ":", "==", " & ", "/", "Work History");

  @Test
  void quantifiedLinesAreTheOnesTheOldPatternFound() {
    Pattern old = Pattern.compile("(\\d+(?:[.,]\\d+)?\\s*(%|percent|k\\b|m\\b|x\\b))|([$€£¥]\\s?\\d)|(\\d[\\d,.]*\\s*"
        + "(people|staff|patients|students|customers|clients|covers|employees|accounts|projects|units|orders|hours|"
        + "days|weeks|months|years|beds|sites|stores|locations|users|members|guests|vehicles|homes|buildings|calls|"
        + "tickets))|(\\b\\d{2,}[\\d,.]*\\b)", Pattern.CASE_INSENSITIVE);
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      // ASCII letters only next to numbers: \b is the ASCII boundary in RE2/J, JDK 17's counts é as a letter
      String line = RandomText.of(random, 12, PIECES).replace("é", "e").replace("Ü", "U");
      assertThat(ContentAnalyzer.isQuantified(line)).as(line).isEqualTo(old.matcher(line).find());
    }
    assertThat(ContentAnalyzer.isQuantified("Cut waste by 7.5 % in 2 months")).isTrue();
    assertThat(ContentAnalyzer.isQuantified("Managed a $1.2m budget")).isTrue();
    assertThat(ContentAnalyzer.isQuantified("Served the lunch crowd")).isFalse();
  }

  @Test
  void headingsBulletsAndPageFurnitureAreTheOnesTheOldPatternsFound() {
    Pattern bullet = Pattern.compile("^\\s*([-•*·▪◦‣–]|\\d+[.)])\\s+");
    Pattern headerFooter = Pattern.compile("(?i)^(page \\d+( of \\d+)?|\\d+ / \\d+|confidential|header:|footer:|"
        + "curriculum vitae - page).*");
    Random random = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      String line = RandomText.of(random, 8, PIECES);
      assertThat(ContentAnalyzer.sectionOf(line)).as(line).isEqualTo(oldSectionOf(line));
      var m = bullet.matcher(line);
      assertThat(ContentAnalyzer.bulletEnd(line)).as(line).isEqualTo(m.find() ? m.end() : -1);
      String stripped = line.strip();
      if (!Lines.split(stripped).get(0).equals(stripped)) {
        continue;
      }
      assertThat(ContentAnalyzer.looksLikeHeaderOrFooter(stripped)).as(stripped)
          .isEqualTo(headerFooter.matcher(stripped).matches());
    }
    assertThat(ContentAnalyzer.sectionOf("## Work Experience ##")).isEqualTo("experience");
    assertThat(ContentAnalyzer.sectionOf("SKILLS:")).isEqualTo("skills");
    assertThat(ContentAnalyzer.sectionOf("Led a team of six")).isNull();
  }

  @Test
  void imagesAndEmojiAreTheOnesTheOldPatternsFound() {
    Pattern image = Pattern.compile("(?i)(\\[(image|photo|picture|logo|graphic)[^]]*]|!\\[[^]]*]\\(|<img\\b|"
        + "\\.(png|jpe?g|gif|svg)\\b)");
    Pattern emoji = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
    Random random = new Random(13);
    for (int i = 0; i < 5_000; i++) {
      String line = "x " + Lines.split(RandomText.of(random, 8, PIECES)).get(0).replace("é", "e").replace("Ü", "U")
          + List.of("", "🏆", "☎", "✓", "(").get(random.nextInt(5));
      List<String> messages = ContentAnalyzer.analyze(line, Set.of(), NONE).findings().stream()
          .map(f -> f.getString("message")).toList();
      assertThat(messages.stream().anyMatch(m -> m.contains("refers to an image"))).as(line)
          .isEqualTo(image.matcher(line).find());
      assertThat(messages.stream().anyMatch(m -> m.contains("contains an emoji"))).as(line)
          .isEqualTo(emoji.matcher(line).find());
    }
  }

  @Test
  void hostileTextsAtTheSizeLimitAreAnalysedAtOnce() {
    String experience = "Experience\n";
    List<String> hostile = List.of(
        experience + "- " + "1,".repeat(MAX_TEXT / 2 - 10),
        experience + ("- " + "1,".repeat(1_000) + "\n").repeat(MAX_TEXT / 2_003),
        experience + "- " + "1".repeat(MAX_TEXT - 20),
        experience + "- a" + " ".repeat(MAX_TEXT - 20) + "b",
        "#".repeat(MAX_TEXT - 1) + "x",
        ("#".repeat(1_000) + "x\n").repeat(MAX_TEXT / 1_002),
        "[image".repeat(MAX_TEXT / 6),
        "![".repeat(MAX_TEXT / 2),
        "\n".repeat(MAX_TEXT),
        ". ".repeat(MAX_TEXT / 2),
        "Page 1".repeat(MAX_TEXT / 6),
        "🏆".repeat(MAX_TEXT / 2),
        ("- " + "Responsible for ".repeat(6) + "\n").repeat(MAX_TEXT / 100));
    for (String text : hostile) {
      assertThat(text.length()).isLessThanOrEqualTo(MAX_TEXT);
      ContentAnalyzer.Report report = assertTimeoutPreemptively(HANG_GUARD,
          () -> ContentAnalyzer.analyze(text, Set.of(), NONE));
      assertThat(report.overall()).isBetween(0.0, 100.0);
      assertThat(report.findings()).allSatisfy(f -> assertThat(f.getString("text", "").length())
          .isLessThanOrEqualTo(Lines.MAX_LINE_CHARS));
    }
  }

  @Test
  void aLongLineIsJudgedByItsFirstTwoThousandCharacters() {
    String near = "Experience\n- Managed " + "a".repeat(100) + " [image: chart.png] " + "b".repeat(30_000) + "\n";
    String far = "Experience\n- Managed " + "a".repeat(Lines.MAX_LINE_CHARS) + " [image: chart.png]\n";
    assertThat(messages(ContentAnalyzer.analyze(near, Set.of(), NONE))).anyMatch(m -> m.contains("image"));
    assertThat(messages(ContentAnalyzer.analyze(far, Set.of(), NONE))).noneMatch(m -> m.contains("image"));
    ContentAnalyzer.Report report = ContentAnalyzer.analyze(near, Set.of(), NONE);
    assertThat(report.bullets()).isEqualTo(1);
    assertThat(report.actionVerbBullets()).isEqualTo(1);
  }

  @Test
  void aResumeWithoutContactDetailsDatesOrEducationCannotScoreNearTheTopForAts() {
    String bare = "Jane Doe\nExperience\nStaff Nurse, City Hospital\n- Cared for 6 patients per shift\n"
        + "- Managed ventilated patients\nSkills\nVentilator management, BLS\n";
    ContentAnalyzer.Report report = ContentAnalyzer.analyze(bare, Set.of(), NONE);
    assertThat(report.ats()).isLessThan(50);
    assertThat(messages(report)).anyMatch(m -> m.contains("no email address"))
        .anyMatch(m -> m.contains("no phone number")).anyMatch(m -> m.contains("no dated roles"));
    String full = "Jane Doe\njane.doe@example.com · 07700 900123\n" + bare.substring("Jane Doe\n".length())
        .replace("City Hospital", "City Hospital, 2019 – present") + "Education\nBSc Nursing, 2018\n";
    assertThat(ContentAnalyzer.analyze(full, Set.of(), NONE).ats()).isGreaterThan(report.ats() + 30);
  }

  @Test
  void withAJobTheAtsScoreCountsTheRequiredKeywordsTheResumeDoesNotName() {
    String resume = "Jane Doe\njane.doe@example.com · 07700 900123\nExperience\nLine Cook, Harbour Grill, 2019 – "
        + "present\n- Ran the grill for 120 covers\nSkills\nHACCP, knife skills\nEducation\nNVQ Level 2, 2018\n";
    String job = "Requirements\n- HACCP\n- Sous vide\n- Pastry\n";
    ContentAnalyzer.Report alone = ContentAnalyzer.analyze(resume, Set.of(), NONE);
    ContentAnalyzer.Report forJob = ContentAnalyzer.analyze(resume, Set.of(), job, NONE);
    assertThat(alone.missingKeywords()).isNull();
    assertThat(alone.toJson().containsKey("missingKeywords")).isFalse();
    assertThat(forJob.missingKeywords()).containsExactly("Sous Vide", "Pastry");
    assertThat(forJob.ats()).isEqualTo(alone.ats() - Math.round(25.0 * 2 / 3));
    assertThat(messages(forJob)).anyMatch(m -> m.contains("2 of the job's 3 required keywords (Sous Vide, Pastry)"));
  }

  @Test
  void contactDetailsAndDatesAreRecognised() {
    assertThat(ContentAnalyzer.hasEmail("jane.doe@example.co.uk | London")).isTrue();
    assertThat(ContentAnalyzer.hasEmail("@handle on example")).isFalse();
    assertThat(ContentAnalyzer.hasEmail("a@b")).isFalse();
    assertThat(ContentAnalyzer.hasPhone("(312) 555-0147")).isTrue();
    assertThat(ContentAnalyzer.hasPhone("+44 7700 900522")).isTrue();
    assertThat(ContentAnalyzer.hasPhone("2019 – 2021")).isFalse();
    assertThat(ContentAnalyzer.hasDate("Sous Chef — June 2021 to present")).isTrue();
    assertThat(ContentAnalyzer.hasDate("Ran the pass for 180 covers")).isFalse();
    assertThat(ContentAnalyzer.hasDate("Grew sales 20%")).isFalse();
  }

  @Test
  void analysisPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> ContentAnalyzer.analyze("Experience\n- Led a team\n", Set.of(), cancelled))
        .isInstanceOf(Deadline.Exceeded.class);
  }

  private static List<String> messages(ContentAnalyzer.Report report) {
    return report.findings().stream().map(f -> f.getString("message")).toList();
  }

  /** {@code sectionOf} as it was written with regular expressions. */
  private static String oldSectionOf(String line) {
    String s = line.strip().replaceAll("[:#*_=\\-]+$", "").replaceAll("^[#*_=\\-\\s]+", "").strip();
    if (s.isEmpty() || s.length() > 40) {
      return null;
    }
    String key = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z&/ ]", "").replaceAll("\\s+", " ").strip();
    return ContentAnalyzer.SECTIONS.entrySet().stream().filter(e -> e.getValue().contains(key)).map(
        java.util.Map.Entry::getKey).findFirst().orElse(null);
  }

}
