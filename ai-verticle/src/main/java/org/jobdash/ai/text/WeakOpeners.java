package org.jobdash.ai.text;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The phrases that open a duty weakly ("Responsible for the grill"): the one list the content analysis flags and the
 * template optimiser rewrites, read by one rule, so that every line flagged for one can be rewritten.
 */
public final class WeakOpeners {

  /** Longest first, so that "helped with" wins over "helped". */
  public static final List<String> PHRASES = Stream.of("responsible for", "duties included", "duties include",
          "helped with", "helped to", "helped", "worked on", "assisted with", "tasked with", "in charge of",
          "participated in", "involved in")
      .sorted(Comparator.comparingInt(String::length).reversed()).toList();

  /**
   * A weak opening: the phrase as the text writes it, and the duty after it.
   *
   * @param phrase the opening words in the text's own case ("Helped with")
   * @param duty   what follows them, stripped ("panel upgrades"), never empty
   */
  public record Opening(String phrase, String duty) {}

  private WeakOpeners() {}

  /**
   * How {@code body} opens weakly, or null: one of {@link #PHRASES} in any case of its ASCII letters, an optional
   * colon, whitespace, then the duty ("Duties included: stock counts"). "Worked one shift", "Helped, …" and a bare
   * "Responsible for" do not open with one.
   */
  public static Opening of(String body) {
    for (String phrase : PHRASES) {
      if (!Words.matchesAt(body, 0, phrase)) {
        continue;
      }
      int after = phrase.length();
      if (after < body.length() && body.charAt(after) == ':') {
        after++;
      }
      if (after < body.length() && Words.isSpace(body.charAt(after))) {
        String duty = body.substring(after).strip();
        if (!duty.isEmpty()) {
          return new Opening(body.substring(0, phrase.length()), duty);
        }
      }
    }
    return null;
  }
}
