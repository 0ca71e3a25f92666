package org.jobdash.ai.analysis;

import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A job description read into what it requires and prefers. */
class JobRequirementsTest {

  static final Deadline NONE = Deadline.after(Duration.ofHours(1));

  private static JobRequirements.Parsed parse(String job) {
    return JobRequirements.parse(SkillTaxonomy.shared(), job, NONE);
  }

  @Test
  void requiredAndPreferredItemsComeFromTheirHeadingsAndCues() {
    JobRequirements.Parsed p = parse("""
        ICU Nurse — Chicago
        We are a 30-bed unit.

        Requirements
        - Active RN licence
        - Experience with CRRT (continuous renal replacement therapy)
        - 2+ years of ICU experience
        - ECMO experience is a plus

        Desirable
        - CCRN certification
        """);
    assertThat(p.requirements()).extracting(JobRequirements.Requirement::name, JobRequirements.Requirement::required)
        .contains(tuple("Registered Nurse", true), tuple("Continuous Renal Replacement Therapy", true),
            tuple("Critical Care", true), tuple("ECMO", false), tuple("CCRN", false));
    assertThat(p.years()).isEqualTo(2);
    assertThat(p.required()).noneMatch(r -> r.name().contains("30-bed"));
    assertThat(p.requirements()).filteredOn(r -> r.name().equals("Registered Nurse"))
        .extracting(JobRequirements.Requirement::kind).containsExactly("licence");
  }

  @Test
  void aPhraseNoTaxonomyNamesIsARequirementWithoutItsLeadIn() {
    assertThat(JobRequirements.phrase("- Proven experience with quantum widget calibration")).isEqualTo(
        "quantum widget calibration");
    assertThat(JobRequirements.phrase("- Experience of costs budgeting (Precedent H)")).isEqualTo("costs budgeting");
    assertThat(JobRequirements.phrase("- A valid forklift licence or equivalent")).isEqualTo("forklift licence");
    assertThat(JobRequirements.phrase("- 5+ years of experience")).isNull();
    assertThat(JobRequirements.phrase("- You will be part of a friendly team that values growth and learning"))
        .isNull();
  }

  @Test
  void aModifiedSkillIsTheNarrowerRequirement() {
    SkillTaxonomy t = SkillTaxonomy.shared();
    assertThat(t.narrower("orbital welding")).isEqualTo("orbital welding");
    assertThat(t.narrower("installing metal stud partitions")).isNull();
    assertThat(t.narrower("UK driving licence")).isNull();
    assertThat(t.narrower("Python and SQL")).isNull();
    List<String> names = parse("Requirements\n- Experience of orbital welding\n").requirements().stream()
        .map(JobRequirements.Requirement::name).toList();
    assertThat(names).containsExactly("orbital welding");
  }

  @Test
  void dutiesAskForWhatTheirVerbsActOn() {
    List<String> names = parse("Responsibilities\n- Complete vehicle health checks\n- Carry out visual weld "
        + "inspection\n").requirements().stream().map(JobRequirements.Requirement::name).toList();
    assertThat(names).contains("vehicle health checks", "visual weld inspection");
  }

  @Test
  void aPostingWithoutHeadingsRequiresTheTaxonomySkillsItNamesAndASentenceCanPreferOne() {
    JobRequirements.Parsed p = parse("Staff Accountant. Perform account reconciliation in Xero. QuickBooks experience "
        + "preferred.");
    assertThat(p.requirements()).extracting(JobRequirements.Requirement::name, JobRequirements.Requirement::required)
        .containsExactly(tuple("Account Reconciliation", true), tuple("Xero", true), tuple("QuickBooks", false));
  }

  @Test
  void hostileJobsAtTheSizeLimitAreReadAtOnce() {
    int max = 100_000;
    for (String job : List.of("Requirements\n" + "- experience with ".repeat(max / 20),
        "Responsibilities\n" + "- Manage and ".repeat(max / 14), "Requirements:\n" + "a. ".repeat(max / 3 - 10),
        "Desirable\n" + "(".repeat(max - 12), ("Requirements\n" + "- Java\n").repeat(max / 20))) {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThat(parse(job)).isNotNull());
    }
  }
}
