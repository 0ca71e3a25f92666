package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.analysis.Chunks;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.optimize.Settings;
import org.jobdash.ai.optimize.Template;
import org.jobdash.ai.optimize.TemplateOptimizer;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text rules, rewritten without backtracking patterns, answer ordinary texts exactly as the regex versions did:
 * {@code golden/text-rules.json} was written by the code before the rewrite, from {@link TextCorpus}. It was written
 * again, on purpose, when the content analysis and the optimiser came to share one list of weak openers read by one
 * rule: "Responsible for, team player" is no longer flagged (no duty follows the phrase), and "Duties included: …" is
 * now rewritten with a template verb (before, the optimiser left it, or only cut "Duties included" from it). It was
 * written again, on purpose, by {@link #writeTheGoldenFile} (issue 14): skills come from the phrase index over the
 * larger taxonomy (finer grain: "HTML" and "CSS" apart, product names, trade skills), the ATS score counts contact
 * details, dated roles and an education section, the optimiser puts irregular verbs in the past ("Grew"), and the
 * segments that skills were once found in by similarity are gone.
 */
class SameAnswersTest {

  static JsonObject golden;
  static final Deadline NONE = Deadline.after(Duration.ofHours(1));

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = SameAnswersTest.class.getClassLoader().getResourceAsStream("golden/text-rules.json")) {
      golden = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Writes {@code golden/text-rules.json} from the code as it is: {@code -Dgolden.write}, then review the diff. */
  @Test
  @EnabledIfSystemProperty(named = "golden.write", matches = ".*")
  void writeTheGoldenFile() throws IOException {
    Set<String> verbs = new HashSet<>();
    TextCorpus.templates().get(0).rule("action_verbs").forEach(v -> verbs.add(v.toLowerCase(Locale.ROOT)));
    JsonObject out = new JsonObject();
    JsonObject content = new JsonObject();
    JsonObject withVerbs = new JsonObject();
    JsonObject chunks = new JsonObject();
    JsonObject skills = new JsonObject();
    for (Map.Entry<String, String> text : TextCorpus.texts().entrySet()) {
      content.put(text.getKey(), ContentAnalyzer.analyze(text.getValue(), Set.of(), NONE).toJson());
      withVerbs.put(text.getKey(), ContentAnalyzer.analyze(text.getValue(), verbs, NONE).toJson());
      chunks.put(text.getKey(), new JsonArray(new ArrayList<>(Chunks.of(text.getValue(), 120, NONE))));
      JsonArray found = new JsonArray();
      SkillTaxonomy.shared().findByPhrase(text.getValue(), NONE)
          .forEach(f -> found.add(new JsonArray().add(f.skill().name()).add(f.evidence())));
      skills.put(text.getKey(), found);
    }
    JsonObject optimized = new JsonObject();
    for (String name : golden.getJsonObject("optimized").fieldNames()) {
      String[] key = name.split(" / ");
      Template template = TextCorpus.templates().stream().filter(t -> t.name().equals(key[1])).findFirst()
          .orElseThrow();
      boolean noJob = "no job".equals(key[2]);
      TemplateOptimizer.Result result = TemplateOptimizer.optimize(TextCorpus.texts().get(key[0]), template,
          noJob ? null : TextCorpus.JOB, noJob ? Settings.defaults() : TextCorpus.settings().get(key[2]),
          SkillTaxonomy.shared(), NONE);
      optimized.put(name, new JsonObject().put("text", result.text())
          .put("changes", new JsonArray(new ArrayList<>(result.changes()))));
    }
    out.put("content", content).put("contentWithTemplateVerbs", withVerbs).put("chunks", chunks)
        .put("skillsByPhrase", skills).put("optimized", optimized);
    Files.writeString(Path.of("src/test/resources/golden/text-rules.json"), out.encodePrettily() + "\n");
  }

  @Test
  void contentAnalysesAreUnchanged() {
    Set<String> verbs = new HashSet<>();
    TextCorpus.templates().get(0).rule("action_verbs").forEach(v -> verbs.add(v.toLowerCase(Locale.ROOT)));
    for (Map.Entry<String, String> text : TextCorpus.texts().entrySet()) {
      assertThat(ContentAnalyzer.analyze(text.getValue(), Set.of(), NONE).toJson()).as(text.getKey())
          .isEqualTo(golden.getJsonObject("content").getJsonObject(text.getKey()));
      assertThat(ContentAnalyzer.analyze(text.getValue(), verbs, NONE).toJson()).as(text.getKey())
          .isEqualTo(golden.getJsonObject("contentWithTemplateVerbs").getJsonObject(text.getKey()));
    }
  }

  @Test
  void chunksAreUnchanged() {
    for (Map.Entry<String, String> text : TextCorpus.texts().entrySet()) {
      assertThat(new JsonArray(new ArrayList<>(Chunks.of(text.getValue(), 120, NONE)))).as(text.getKey())
          .isEqualTo(golden.getJsonObject("chunks").getJsonArray(text.getKey()));
    }
  }

  @Test
  void skillsFoundByPhraseAreUnchanged() {
    SkillTaxonomy taxonomy = SkillTaxonomy.shared();
    for (Map.Entry<String, String> text : TextCorpus.texts().entrySet()) {
      JsonArray found = new JsonArray();
      taxonomy.findByPhrase(text.getValue(), NONE)
          .forEach(f -> found.add(new JsonArray().add(f.skill().name()).add(f.evidence())));
      assertThat(found).as(text.getKey()).isEqualTo(golden.getJsonObject("skillsByPhrase").getJsonArray(text.getKey()));
    }
  }

  @Test
  void optimisedTextsAndTheirChangesAreUnchanged() {
    JsonObject expected = golden.getJsonObject("optimized");
    int compared = 0;
    for (String name : expected.fieldNames()) {
      String[] key = name.split(" / ");
      String text = TextCorpus.texts().get(key[0]);
      Template template = TextCorpus.templates().stream().filter(t -> t.name().equals(key[1])).findFirst()
          .orElseThrow();
      boolean noJob = "no job".equals(key[2]);
      Settings settings = noJob ? Settings.defaults() : TextCorpus.settings().get(key[2]);
      TemplateOptimizer.Result result = TemplateOptimizer.optimize(text, template, noJob ? null : TextCorpus.JOB,
          settings, SkillTaxonomy.shared(), NONE);
      assertThat(new JsonObject().put("text", result.text()).put("changes", new JsonArray(new ArrayList<>(
          result.changes())))).as(name).isEqualTo(expected.getJsonObject(name));
      compared++;
    }
    assertThat(compared).isEqualTo(6 * TextCorpus.templates().size() * (TextCorpus.settings().size() + 1));
  }
}
