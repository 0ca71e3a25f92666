package org.jobdash.ai.skills;

import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Skills of a résumé by phrase, section by section, and the items of its lists. */
class SkillExtractorTest {

  static final Deadline NONE = Deadline.after(Duration.ofHours(1));
  static final SkillTaxonomy TAXONOMY = SkillTaxonomy.shared();

  private static List<SkillTaxonomy.Found> extract(String text) {
    return SkillExtractor.extract(TAXONOMY, text, NONE);
  }

  private static SkillTaxonomy.Found named(List<SkillTaxonomy.Found> found, String name) {
    return found.stream().filter(f -> f.skill().name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError(name + " not in " + found.stream().map(f -> f.skill().name()).toList()));
  }

  @Test
  void aSkillWeighsByTheSectionItStandsIn() {
    List<SkillTaxonomy.Found> found = extract("""
        Summary
        Nurse with Epic experience.
        Skills
        ACLS, wound care
        Experience
        - Administered medications on a 30-bed ward
        - Familiar with Cerner
        """);
    assertThat(named(found, "Advanced Cardiac Life Support").confidence()).isEqualTo(1.0);
    assertThat(named(found, "Advanced Cardiac Life Support").section()).isEqualTo("skills");
    assertThat(named(found, "Medication Administration").confidence()).isEqualTo(0.9);
    assertThat(named(found, "Epic").confidence()).isEqualTo(0.8);
    assertThat(named(found, "Cerner").confidence()).as("a passing mention").isEqualTo(0.4);
    assertThat(named(found, "Medication Administration").evidence())
        .isEqualTo("- Administered medications on a 30-bed ward");
  }

  @Test
  void htmlAndCssAreTwoSkillsAndProductNamesAreFound() {
    List<String> names = extract("Skills\nHTML, CSS, Apache Spark, Microsoft Excel\n").stream()
        .map(f -> f.skill().name()).toList();
    assertThat(names).contains("HTML", "CSS", "Apache Spark", "Microsoft Excel");
  }

  @Test
  void theItemsOfASkillsListNoTaxonomyNamesAreSkillsButItsLabelIsNot() {
    List<SkillTaxonomy.Found> found = extract("""
        Key Skills
        Languages: Quenya, Sindarin (written, spoken)
        Gas Safe (ACS: CCN1, CENWAT); ADR (tanks and packages)
        """);
    List<String> names = found.stream().map(f -> f.skill().name()).toList();
    assertThat(names).contains("Quenya", "Sindarin", "written", "spoken", "Gas Safe", "ADR")
        .doesNotContain("Languages", "Languages: Quenya", "tanks and packages", "Key Skills");
    assertThat(named(found, "Quenya").matchedBy()).isEqualTo("listed");
    assertThat(named(found, "Quenya").skill().category()).isEqualTo(SkillTaxonomy.OTHER);
  }

  @Test
  void noSkillComesFromPartOfAWordOrFromAnAcronymWrittenInLowerCase() {
    List<String> names = extract("Experience\n- Store manager at Next plc, cutting javascriptless pages\n"
        + "- Went through the oracle of Delphi\n").stream().map(f -> f.skill().name()).toList();
    assertThat(names).doesNotContain("Programmable Logic Controllers", "JavaScript", "Java", "Go", "Oracle");
  }

  @Test
  void aBulletsVerbGivesWhatItActsOn() {
    List<SkillTaxonomy.Found> found = extract("Experience\n- Complete medicines optimisation on admission for 20 "
        + "patients\n- Manage ward stock top-ups and controlled drugs registers\n");
    assertThat(found).extracting(f -> f.skill().name())
        .contains("medicines optimisation", "ward stock top-ups", "controlled drugs registers");
    assertThat(named(found, "medicines optimisation").matchedBy()).isEqualTo("used");
    assertThat(extract("- A bullet before any heading: Java\n")).extracting(f -> f.skill().name()).contains("Java");
  }

  @Test
  void itemsAndObjectsAreReadAsPlainWords() {
    assertThat(SkillExtractor.looksLikeASkill("University of Leeds")).isFalse();
    assertThat(SkillExtractor.looksLikeASkill("2019")).isFalse();
    assertThat(SkillExtractor.looksLikeASkill("BSc Accounting and Finance")).isFalse();
    assertThat(SkillExtractor.looksLikeASkill("a very long item of far more than five words")).isFalse();
    assertThat(SkillExtractor.looksLikeASkill("Compression bandaging")).isTrue();
    assertThat(BulletPhrases.of("Cared for 2 critically ill patients per shift")).isEmpty();
    assertThat(BulletPhrases.of("Carry out visual weld inspection").stream()
        .map(r -> "Carry out visual weld inspection".substring(r[0], r[1]))).containsExactly("visual weld inspection");
  }

  @Test
  void hostileTextsAtTheSizeLimitAreReadAtOnce() {
    int max = 100_000;
    for (String text : List.of("Skills\n" + "a, ".repeat(max / 3 - 4), "Skills\n" + "(".repeat(max - 8),
        "Experience\n- Managed " + "and ".repeat(max / 4 - 8), "c++ ".repeat(max / 4), "Microsoft ".repeat(max / 10),
        "- " + "x".repeat(max - 2), "Skills\n" + "Java, ".repeat(max / 6 - 2))) {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThat(extract(text)).isNotNull());
    }
  }

  @Test
  void extractionPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> SkillExtractor.extract(TAXONOMY, "Skills\nJava\n", cancelled))
        .isInstanceOf(Deadline.Exceeded.class);
  }
}
