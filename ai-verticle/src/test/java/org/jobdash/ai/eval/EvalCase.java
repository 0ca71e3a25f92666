package org.jobdash.ai.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One labelled pair of the evaluation set ({@code src/test/resources/eval/cases/*.json}): a résumé with its gold
 * skills, and the job description written for it with its gold required and preferred items.
 */
record EvalCase(String id, String trade, String resume, List<Gold> resumeSkills, String jobTitle, String job,
                List<Gold> required, List<Gold> preferred) {

  /** A gold skill: its name and the other names that count as the same skill. */
  record Gold(String name, Set<String> names) {
    static Gold of(JsonArray names) {
      Set<String> all = new LinkedHashSet<>();
      names.forEach(n -> all.add(normal((String) n)));
      return new Gold(names.getString(0), Set.copyOf(all));
    }

    boolean matches(String predicted) {
      return names.contains(normal(predicted));
    }
  }

  /** Whether the résumé really has this requirement: its name is one of the résumé's gold skills. */
  boolean resumeHas(Gold requirement) {
    return resumeSkills.stream().anyMatch(g -> g.name().equals(requirement.name()));
  }

  /** The required items the résumé lacks. */
  List<Gold> missingRequired() {
    return required.stream().filter(r -> !resumeHas(r)).toList();
  }

  /** Lower case, letters, digits, '+' and '#' kept, every other run of characters one space. */
  static String normal(String s) {
    StringBuilder b = new StringBuilder();
    boolean space = false;
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '+' || c == '#') {
        if (space && !b.isEmpty()) {
          b.append(' ');
        }
        b.append(c);
        space = false;
      } else {
        space = true;
      }
    }
    return b.toString();
  }

  static EvalCase parse(JsonObject json) {
    JsonObject job = json.getJsonObject("job");
    return new EvalCase(json.getString("id"), json.getString("trade"), lines(json.getJsonArray("resume")),
        golds(json.getJsonArray("resumeSkills")), job.getString("title"), lines(job.getJsonArray("text")),
        golds(job.getJsonArray("required")), golds(job.getJsonArray("preferred")));
  }

  /** Every case of the set, in file-name order. */
  static List<EvalCase> all() {
    return load("eval/cases");
  }

  /** The held-out cases, written after the service was built against the set. */
  static List<EvalCase> heldOut() {
    return load("eval/heldout");
  }

  private static List<EvalCase> load(String folder) {
    try {
      Path dir = Path.of(EvalCase.class.getClassLoader().getResource(folder).toURI());
      try (Stream<Path> files = Files.list(dir)) {
        List<EvalCase> cases = new ArrayList<>();
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          cases.add(parse(new JsonObject(Files.readString(f, StandardCharsets.UTF_8))));
        }
        return cases;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lines(JsonArray lines) {
    return String.join("\n", lines.stream().map(String::valueOf).toList()) + "\n";
  }

  private static List<Gold> golds(JsonArray list) {
    List<Gold> out = new ArrayList<>();
    list.forEach(g -> out.add(Gold.of((JsonArray) g)));
    return List.copyOf(out);
  }
}
