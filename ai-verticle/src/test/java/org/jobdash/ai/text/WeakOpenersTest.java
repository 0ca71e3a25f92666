package org.jobdash.ai.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one list of weak openers and the rule that reads them. */
class WeakOpenersTest {

  @Test
  void everyPhraseOpensADutyInAnyCase() {
    for (String phrase : WeakOpeners.PHRASES) {
      assertThat(WeakOpeners.of(phrase + " stock counts")).as(phrase)
          .isEqualTo(new WeakOpeners.Opening(phrase, "stock counts"));
      String upper = phrase.toUpperCase();
      assertThat(WeakOpeners.of(upper + "\tstock counts ")).as(upper)
          .isEqualTo(new WeakOpeners.Opening(upper, "stock counts"));
    }
  }

  @Test
  void theLongestPhraseWins() {
    assertThat(WeakOpeners.of("Helped with panel upgrades").phrase()).isEqualTo("Helped with");
    assertThat(WeakOpeners.of("Helped to train apprentices").phrase()).isEqualTo("Helped to");
    assertThat(WeakOpeners.of("Helped customers").phrase()).isEqualTo("Helped");
    assertThat(WeakOpeners.of("Duties included stock").phrase()).isEqualTo("Duties included");
    assertThat(WeakOpeners.PHRASES).isSortedAccordingTo((a, b) -> Integer.compare(b.length(), a.length()));
  }

  @Test
  void aColonAfterThePhraseIsPartOfTheOpening() {
    assertThat(WeakOpeners.of("Duties included: conduit bending, NEC code checks"))
        .isEqualTo(new WeakOpeners.Opening("Duties included", "conduit bending, NEC code checks"));
  }

  @Test
  void participatingAndBeingInvolvedAreWeakToo() {
    assertThat(WeakOpeners.of("Participated in the weekly audit"))
        .isEqualTo(new WeakOpeners.Opening("Participated in", "the weekly audit"));
    assertThat(WeakOpeners.of("Involved in planning events").duty()).isEqualTo("planning events");
  }

  @Test
  void aPhraseThatIsNotFollowedByADutyIsNoOpening() {
    assertThat(WeakOpeners.of("Worked one-on-one with patients")).isNull();
    assertThat(WeakOpeners.of("Helpedness")).isNull();
    assertThat(WeakOpeners.of("Responsible for, team player")).isNull();
    assertThat(WeakOpeners.of("Responsible for")).isNull();
    assertThat(WeakOpeners.of("Responsible for   ")).isNull();
    assertThat(WeakOpeners.of("- Responsible for stock")).as("the caller removes the bullet").isNull();
    assertThat(WeakOpeners.of("")).isNull();
    assertThat(WeakOpeners.of("Managed the grill")).isNull();
  }
}
