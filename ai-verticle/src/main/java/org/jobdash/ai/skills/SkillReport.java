package org.jobdash.ai.skills;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The skills found in one text, grouped by category, with the trade it points to and advice phrased for it. */
public record SkillReport(List<SkillTaxonomy.Found> found, String primaryCategory, List<String> recommendations) {

  public static SkillReport of(SkillTaxonomy taxonomy, List<SkillTaxonomy.Found> found) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    // product names and unlisted skills say nothing of the trade
    found.stream().filter(f -> !SkillTaxonomy.TOOLS.equals(f.skill().category())
            && !SkillTaxonomy.OTHER.equals(f.skill().category()))
        .forEach(f -> counts.merge(f.skill().category(), "phrase".equals(f.matchedBy()) ? 2 : 1, Integer::sum));
    String primary = counts.entrySet().stream()
        .filter(e -> !"management".equals(e.getKey()) || counts.size() == 1)
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(null);
    List<String> recommendations = new ArrayList<>();
    if (primary != null) {
      SkillTaxonomy.Category category = taxonomy.category(primary);
      List<String> missing = category.skills().stream()
          .filter(s -> found.stream().noneMatch(f -> f.skill().name().equals(s.name())))
          .limit(4).map(SkillTaxonomy.Skill::name).toList();
      if (!missing.isEmpty()) {
        recommendations.add("Skills often expected in " + category.label().toLowerCase() + " roles that the text "
            + "does not name: " + String.join(", ", missing) + " — add the ones you have.");
      }
      recommendations.addAll(category.advice());
    }
    if (found.size() < 6) {
      recommendations.add("Only " + found.size() + " recognised skills: list your skills in a dedicated Skills "
          + "section so applicant tracking systems find them.");
    }
    if (found.stream().noneMatch(f -> "management".equals(f.skill().category()))) {
      recommendations.add("Show transferable skills (leadership, communication, problem solving) with an example "
          + "of each rather than as adjectives.");
    }
    return new SkillReport(List.copyOf(found), primary, List.copyOf(recommendations));
  }

  /** {@code {"<category id>": [{name, matchedBy, evidence, confidence}, ...]}} — the stored form. */
  public JsonObject grouped() {
    JsonObject out = new JsonObject();
    for (SkillTaxonomy.Found f : found) {
      JsonArray list = out.getJsonArray(f.skill().category());
      if (list == null) {
        list = new JsonArray();
        out.put(f.skill().category(), list);
      }
      list.add(f.toJson());
    }
    return out;
  }

  public JsonArray categories(SkillTaxonomy taxonomy) {
    JsonArray out = new JsonArray();
    grouped().forEach(e -> out.add(new JsonObject().put("id", e.getKey())
        .put("label", taxonomy.category(e.getKey()).label()).put("count", ((JsonArray) e.getValue()).size())));
    return out;
  }

  public List<String> names() {
    return found.stream().map(f -> f.skill().name()).toList();
  }
}
