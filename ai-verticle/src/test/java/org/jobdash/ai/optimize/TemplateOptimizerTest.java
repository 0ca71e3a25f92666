package org.jobdash.ai.optimize;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.RandomText;
import org.jobdash.ai.text.WeakOpeners;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The optimiser's rewrites: what they make of ordinary lines (the same as the regular expressions they replaced, on
 * random lines), and that a hostile résumé at the size limit is rewritten at once.
 */
class TemplateOptimizerTest {

  static final int MAX_TEXT = 100_000;
  static final Duration HANG_GUARD = Duration.ofSeconds(20);
  static final Deadline NONE = Deadline.after(Duration.ofHours(1));
  static final List<String> AVOID = List.of("team player", "passionate about food", "responsible for", "go-getter",
      "objective: to obtain a position");
  static final Pattern OLD_BULLET = Pattern.compile("^(\\s*(?:[-•*·▪◦‣–]|\\d+[.)])?\\s*)(.*)$");
  static final Pattern OLD_DANGLING = Pattern.compile(
      "(?i)(\\s+(who|which|that|is|are|am|was|and|or|with|a|an|the|to|of|for|about|very|really|being|as))+[,;]?\\s*$");
  static final List<String> PIECES = List.of("team player", "Team Player", "passionate about food", "responsible for",
      "go-getter", " who", " is", " and", " a", " an", " the", " AS", " with", ",", ";", ".", " ", "  ", "\t", "- ",
      "• ", "1. ", "x", "food", "teamplayer", "é", "Managed", " shifts");

  @Test
  void avoidedPhrasesGoAsTheOldPatternsRemovedThem() {
    assertThat(TemplateOptimizer.removeAvoided("- Team player who is passionate about food",
        List.of("passionate about food"))).isEqualTo("- Team player");
    assertThat(TemplateOptimizer.removeAvoided("- Hard worker, team player; go-getter", AVOID))
        .isEqualTo("- Hard worker");
    Random random = new Random(31);
    for (int i = 0; i < 20_000; i++) {
      String line = Lines.split(RandomText.of(random, 10, PIECES)).get(0);
      assertThat(TemplateOptimizer.removeAvoided(line, AVOID)).as(line).isEqualTo(oldRemoveAvoided(line, AVOID));
      assertThat(TemplateOptimizer.withoutDanglingWords(line)).as(line)
          .isEqualTo(OLD_DANGLING.matcher(line).replaceAll(""));
      Matcher m = OLD_BULLET.matcher(line);
      assertThat(m.matches()).isTrue();
      assertThat(TemplateOptimizer.bodyStart(line)).as(line).isEqualTo(m.group(1).length());
    }
  }

  @Test
  void weakOpenersBecomeStrongVerbs() {
    int[] turn = {0};
    List<String> verbs = List.of("Prepared", "Plated");
    assertThat(TemplateOptimizer.strengthenOpener("- Responsible for managing the grill", verbs, turn))
        .isEqualTo("- Managed the grill");
    assertThat(TemplateOptimizer.strengthenOpener("  2) helped with   inventory counts", verbs, turn))
        .isEqualTo("  2) Prepared inventory counts");
    assertThat(TemplateOptimizer.strengthenOpener("Worked on supplying the pass", verbs, turn))
        .isEqualTo("Supplied the pass");
    assertThat(TemplateOptimizer.strengthenOpener("- Ran the pass", verbs, turn)).isEqualTo("- Ran the pass");
  }

  @Test
  void everyLineTheContentAnalysisFlagsAsAWeakOpenerIsRewritten() {
    Template template = new Template(UUID.randomUUID(), "Test", "test", null, null, List.of(), "", new JsonObject()
        .put("action_verbs", new JsonArray(List.of("Prepared"))), false, 0);
    Settings light = new Settings(null, "professional", "light", List.of(), List.of(), null, List.of(), List.of(),
        true, true);
    List<String> openers = new ArrayList<>(WeakOpeners.PHRASES);
    openers.addAll(List.of("Responsible For", "HELPED", "Worked", "Duties", "Managed", ""));
    List<String> rest = List.of(" ", "  ", "\t", ":", ",", "stock", " managing", " the pass", "one", "x", "é");
    Random random = new Random(41);
    int flagged = 0;
    for (int i = 0; i < 5_000; i++) {
      String line = "- " + Lines.split(RandomText.of(random, 1, List.of(" ", "\u2003")) + openers.get(
          random.nextInt(openers.size())) + RandomText.of(random, 4, rest)).get(0);
      String resume = "Experience\n" + line + "\n";
      boolean weak = ContentAnalyzer.analyze(resume, Set.of(), NONE).findings().stream()
          .anyMatch(f -> f.getString("message").contains("opens with the weak phrase"));
      boolean rewritten = TemplateOptimizer.optimize(resume, template, null, light, SkillTaxonomy.shared(), NONE)
          .changes().stream().anyMatch(c -> c.getString("reason").startsWith("replaced a weak opener"));
      assertThat(rewritten).as(line).isEqualTo(weak);
      flagged += weak ? 1 : 0;
    }
    assertThat(flagged).as("lines flagged").isGreaterThan(500);
  }

  @Test
  void openersTheAnalysisFlaggedButTheOptimiserKeptAreRewrittenNow() {
    int[] turn = {0};
    List<String> verbs = List.of("Audited");
    assertThat(TemplateOptimizer.strengthenOpener("- Participated in the weekly audit", verbs, turn))
        .isEqualTo("- Audited the weekly audit");
    assertThat(TemplateOptimizer.strengthenOpener("• Involved in planning events", verbs, turn))
        .isEqualTo("• Planned events");
    assertThat(TemplateOptimizer.strengthenOpener("Duties included: conduit bending", verbs, turn))
        .isEqualTo("Audited conduit bending");
  }

  static final String COOK = """
      Jane Cook
      Experience
      - Responsible for managing the grill
      - Team player
      Skills
      Knife skills.
      Education
      Culinary school
      """;

  static Template kitchen() {
    return new Template(UUID.randomUUID(), "Kitchen", "hospitality", null, null, List.of(), "", new JsonObject()
        .put("action_verbs", new JsonArray(List.of("Prepared"))).put("avoid_phrases", new JsonArray(List.of(
            "team player"))).put("keywords", new JsonArray(List.of("HACCP", "Menu costing", "Food safety",
            "Stock control", "Allergen management", "Plating")))
        .put("section_order", new JsonArray(List.of("summary", "skills", "experience", "education"))), false, 0);
  }

  static Settings settings(String tone, String level, List<String> preserve, List<String> keywords) {
    return new Settings(null, tone, level, List.of(), preserve, null, List.of(), keywords, true, true);
  }

  private static List<String> reasons(TemplateOptimizer.Result result) {
    return result.changes().stream().map(c -> c.getString("changeType") + " " + c.getString("section") + ": "
        + c.getString("reason")).toList();
  }

  @Test
  void gerundsBecomePastTenseVerbs() {
    assertThat(TemplateOptimizer.pastTense("managing")).isEqualTo("Managed");
    assertThat(TemplateOptimizer.pastTense("Planning")).isEqualTo("Planned");
    assertThat(TemplateOptimizer.pastTense("supplying")).isEqualTo("Supplied");
    assertThat(TemplateOptimizer.pastTense("playing")).isEqualTo("Played");
    assertThat(TemplateOptimizer.pastTense("baking")).isEqualTo("Baked");
    assertThat(TemplateOptimizer.pastTense("leading")).isEqualTo("Led");
    assertThat(TemplateOptimizer.pastTense("overseeing")).isEqualTo("Oversaw");
    assertThat(TemplateOptimizer.pastTense("using")).isEqualTo("Used");
    assertThat(TemplateOptimizer.pastTense("growing")).isEqualTo("Grew");
    assertThat(TemplateOptimizer.pastTense("finding")).isEqualTo("Found");
    assertThat(TemplateOptimizer.pastTense("inventory")).isNull();
  }

  @Test
  void aWeakOpenerBeforeAnotherWordTakesTheTemplatesVerbsInTurn() {
    int[] turn = {0};
    List<String> verbs = List.of("Prepared", "Plated");
    assertThat(TemplateOptimizer.strengthenOpener("- Helped with the stock", verbs, turn))
        .isEqualTo("- Prepared the stock");
    assertThat(TemplateOptimizer.strengthenOpener("- Tasked with desserts", verbs, turn))
        .isEqualTo("- Plated desserts");
    assertThat(TemplateOptimizer.strengthenOpener("- In charge of the pass", verbs, turn))
        .isEqualTo("- Prepared the pass");
    assertThat(TemplateOptimizer.strengthenOpener("- Helped with the stock", List.of(), turn))
        .as("no verbs to take").isEqualTo("- Helped with the stock");
  }

  @Test
  void aResumeIsRewrittenByTheTemplatesRulesWithEachChangeListed() {
    TemplateOptimizer.Result result = TemplateOptimizer.optimize(COOK, kitchen(), "HACCP certificate required",
        settings("professional", "moderate", List.of(), List.of()), SkillTaxonomy.shared(), NONE);
    assertThat(result.text()).isEqualTo("""
        Jane Cook

        Skills
        Knife skills, HACCP

        Experience
        - Managed the grill

        Education
        Culinary school
        """);
    assertThat(reasons(result)).containsExactly(
        "modified Experience: replaced a weak opener with a strong verb from the 'Kitchen' template",
        "removed Experience: removed a phrase the template advises against",
        "modified Skills: added keywords named in the job description or your keywords; keep only what you "
            + "really have",
        "modified all: ordered the sections as the 'Kitchen' template recommends");
    assertThat(result.changes().get(3).getString("oldValue")).isEqualTo("experience, skills, education");
    assertThat(result.changes().get(3).getString("newValue")).isEqualTo("skills, experience, education");
  }

  @Test
  void aLightTouchNeitherAddsKeywordsNorReordersSections() {
    TemplateOptimizer.Result result = TemplateOptimizer.optimize(COOK, kitchen(), "HACCP certificate required",
        settings("professional", "light", List.of(), List.of("Rota planning")), SkillTaxonomy.shared(), NONE);
    assertThat(result.text()).isEqualTo("""
        Jane Cook

        Experience
        - Managed the grill

        Skills
        Knife skills.

        Education
        Culinary school
        """);
  }

  @Test
  void aPreservedSectionIsLeftAsWritten() {
    TemplateOptimizer.Result result = TemplateOptimizer.optimize(COOK, kitchen(), "HACCP certificate required",
        settings("professional", "moderate", List.of("experience", "skills"), List.of()), SkillTaxonomy.shared(),
        NONE);
    assertThat(result.text()).contains("- Responsible for managing the grill\n- Team player\n")
        .contains("Knife skills.\n").doesNotContain("HACCP");
    assertThat(reasons(result)).containsExactly(
        "modified all: ordered the sections as the 'Kitchen' template recommends");
  }

  @Test
  void withoutASkillsSectionOneIsAddedBeforeTheExperience() {
    String resume = "Jane Cook\nExperience\n- Ran the grill\n";
    TemplateOptimizer.Result result = TemplateOptimizer.optimize(resume, kitchen(), null,
        settings("professional", "moderate", List.of(), List.of("Rota planning")), SkillTaxonomy.shared(), NONE);
    assertThat(result.text()).isEqualTo("Jane Cook\n\nSkills\nRota planning\n\nExperience\n- Ran the grill\n");
    assertThat(reasons(result)).containsExactly("added Skills: added a Skills section with keywords named in the "
        + "job description or your keywords; keep only what you really have");
  }

  @Test
  void anAggressiveRewriteAddsTheTemplatesFirstKeywordsThatTheResumeLacks() {
    String resume = "Jane Cook\nSkills\nPlating; knife skills\nExperience\n- Ran the grill\n";
    TemplateOptimizer.Result result = TemplateOptimizer.optimize(resume, kitchen(), null,
        settings("professional", "aggressive", List.of(), List.of()), SkillTaxonomy.shared(), NONE);
    assertThat(result.text()).contains("Plating; knife skills, HACCP, Menu costing, Food safety, Stock control, "
        + "Allergen management\n");
  }

  @Test
  void theToneTrimsFillerOrSpellsOutContractions() {
    String resume = "Experience\n- Successfully ran very busy services\n- I'm never late and don't miss shifts\n";
    TemplateOptimizer.Result concise = TemplateOptimizer.optimize(resume, kitchen(), null,
        settings("concise", "light", List.of(), List.of()), SkillTaxonomy.shared(), NONE);
    assertThat(concise.text()).contains("- ran busy services\n");
    TemplateOptimizer.Result formal = TemplateOptimizer.optimize(resume, kitchen(), null,
        settings("formal", "light", List.of(), List.of()), SkillTaxonomy.shared(), NONE);
    assertThat(formal.text()).contains("- I am never late and do not miss shifts\n");
    assertThat(reasons(formal)).containsExactly("modified Experience: adjusted wording to the 'formal' tone");
  }

  @Test
  void sectionNamesOfTemplatesAndUsersMapToTheirKind() {
    assertThat(TemplateOptimizer.kindOf("clinical_experience")).isEqualTo("experience");
    assertThat(TemplateOptimizer.kindOf("licenses_certifications")).isEqualTo("certifications");
    assertThat(TemplateOptimizer.kindOf("activities")).isEqualTo("volunteer");
    assertThat(TemplateOptimizer.kindOf("contact")).isEqualTo("contact");
    assertThat(TemplateOptimizer.kindOf("hobbies")).isEqualTo("hobbies");
  }

  @Test
  void aHostileResumeAtTheSizeLimitIsRewrittenAtOnce() {
    Template template = new Template(UUID.randomUUID(), "Test", "test", null, null, List.of(), "", new JsonObject()
        .put("action_verbs", new JsonArray(List.of("Managed"))).put("avoid_phrases", new JsonArray(AVOID))
        .put("keywords", new JsonArray(List.of("HACCP"))).put("section_order", new JsonArray(List.of("skills"))),
        false, 0);
    Settings concise = new Settings(null, "concise", "aggressive", List.of(), List.of(), null, List.of(),
        List.of("Rota planning"), true, true);
    Settings formal = new Settings(null, "formal", "moderate", List.of(), List.of(), null, List.of(), List.of(), true,
        true);
    List<String> lines = List.of(
        "- team player" + " a".repeat(900),
        "- team player a" + " ".repeat(1_900) + "x",
        "- responsible for " + "very ".repeat(390),
        "- " + "I'm ".repeat(490),
        "1,".repeat(990));
    for (String line : lines) {
      String resume = "Experience\n" + (line + "\n").repeat(MAX_TEXT / (line.length() + 1) - 1);
      assertThat(resume.length()).isLessThanOrEqualTo(MAX_TEXT);
      TemplateOptimizer.Result trimmed = assertTimeoutPreemptively(HANG_GUARD, () -> TemplateOptimizer.optimize(
          resume, template, "HACCP and team player", concise, SkillTaxonomy.shared(), NONE));
      assertThat(trimmed.text()).startsWith("Skills\nHACCP, Rota planning").doesNotContain("team player")
          .doesNotContain("very ");
      TemplateOptimizer.Result formalised = assertTimeoutPreemptively(HANG_GUARD, () -> TemplateOptimizer.optimize(
          resume, template, "HACCP and team player", formal, SkillTaxonomy.shared(), NONE));
      assertThat(formalised.text()).doesNotContain("team player").doesNotContain("I'm ");
    }
    String oneLine = "- team player" + " a".repeat(MAX_TEXT / 2 - 20);
    assertThat(assertTimeoutPreemptively(HANG_GUARD, () -> TemplateOptimizer.removeAvoided(oneLine, AVOID)))
        .isEqualTo("-");
  }

  @Test
  void aLineLongerThanTheCapIsLeftAsWritten() {
    String line = "- Responsible for " + "the grill ".repeat(Lines.MAX_LINE_CHARS / 10);
    TemplateOptimizer.Result result = TemplateOptimizer.optimize("Experience\n" + line + "\n- Responsible for stock\n",
        new Template(UUID.randomUUID(), "Test", "test", null, null, List.of(), "", new JsonObject(), false, 0), null,
        new Settings(null, "professional", "light", List.of(), List.of(), null, List.of(), List.of(), true, true),
        SkillTaxonomy.shared(), NONE);
    assertThat(result.text()).contains(line).contains("- Responsible for stock");
    assertThat(TemplateOptimizer.removeAvoided("- Responsible for stock", AVOID)).isEqualTo("- Stock");
  }

  @Test
  void optimisingPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> TemplateOptimizer.optimize("Experience\n- Led a team\n", new Template(UUID.randomUUID(),
        "Test", "test", null, null, List.of(), "", new JsonObject(), false, 0), null, Settings.defaults(),
        SkillTaxonomy.shared(), cancelled)).isInstanceOf(Deadline.Exceeded.class);
  }

  /** {@code removeAvoided} as it was written with regular expressions. */
  private static String oldRemoveAvoided(String line, List<String> avoid) {
    String out = line;
    for (String phrase : avoid) {
      Pattern p = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])[,;]?\\s*");
      out = p.matcher(out).replaceAll("");
    }
    if (out.equals(line)) {
      return line;
    }
    out = out.replaceAll("\\s{2,}", " ").replaceAll("\\s+([,.;])", "$1").replaceAll("^([-•*·▪◦‣–]\\s*)[,;]\\s*", "$1")
        .replaceAll("[,;]\\s*$", "").stripTrailing();
    out = OLD_DANGLING.matcher(out).replaceAll("");
    Matcher m = OLD_BULLET.matcher(out);
    if (m.matches() && !m.group(2).isEmpty()) {
      out = m.group(1) + Character.toUpperCase(m.group(2).charAt(0)) + m.group(2).substring(1);
    }
    return out;
  }
}
