package org.jobdash.common.ai;

import java.util.List;

/**
 * The AI personalisation vocabulary that the user service stores and the AI service applies; the same lists as
 * the {@code Tone} and {@code OptimizationLevel} schemas of {@code openapi/components.yaml}.
 */
public final class Personalization {

  /** The voices an AI rewrite can take. */
  public static final List<String> TONES = List.of("professional", "confident", "friendly", "formal", "concise");
  /** How far a rewrite may depart from the original. */
  public static final List<String> LEVELS = List.of("light", "moderate", "aggressive");

  private Personalization() {}
}
