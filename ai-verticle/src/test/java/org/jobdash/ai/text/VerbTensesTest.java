package org.jobdash.ai.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simple past of a verb's "-ing" form: irregular verbs from the table, regular ones by rule. */
class VerbTensesTest {

  @Test
  void irregularVerbsTakeTheirOwnPast() {
    assertThat(VerbTenses.pastOfGerund("growing")).isEqualTo("grew");
    assertThat(VerbTenses.pastOfGerund("finding")).isEqualTo("found");
    assertThat(VerbTenses.pastOfGerund("Teaching")).isEqualTo("taught");
    assertThat(VerbTenses.pastOfGerund("leading")).isEqualTo("led");
    assertThat(VerbTenses.pastOfGerund("reading")).isEqualTo("read");
    assertThat(VerbTenses.pastOfGerund("meeting")).isEqualTo("met");
    assertThat(VerbTenses.pastOfGerund("going")).isEqualTo("went");
    assertThat(VerbTenses.pastOfGerund("seeing")).isEqualTo("saw");
    assertThat(VerbTenses.pastOfGerund("costing")).isEqualTo("cost");
  }

  @Test
  void theBaseOfAnIrregularVerbIsFoundBehindItsSilentEOrDoubledConsonant() {
    assertThat(VerbTenses.pastOfGerund("making")).isEqualTo("made");
    assertThat(VerbTenses.pastOfGerund("driving")).isEqualTo("drove");
    assertThat(VerbTenses.pastOfGerund("writing")).isEqualTo("wrote");
    assertThat(VerbTenses.pastOfGerund("running")).isEqualTo("ran");
    assertThat(VerbTenses.pastOfGerund("setting")).isEqualTo("set");
    assertThat(VerbTenses.pastOfGerund("winning")).isEqualTo("won");
  }

  @Test
  void prefixedIrregularVerbsKeepTheirPrefix() {
    assertThat(VerbTenses.pastOfGerund("rebuilding")).isEqualTo("rebuilt");
    assertThat(VerbTenses.pastOfGerund("rewriting")).isEqualTo("rewrote");
    assertThat(VerbTenses.pastOfGerund("overseeing")).isEqualTo("oversaw");
    assertThat(VerbTenses.pastOfGerund("undertaking")).isEqualTo("undertook");
    assertThat(VerbTenses.pastOfGerund("outrunning")).isEqualTo("outran");
    assertThat(VerbTenses.pastOfGerund("upholding")).isEqualTo("upheld");
    assertThat(VerbTenses.pastOfGerund("understanding")).isEqualTo("understood");
  }

  @Test
  void regularVerbsFollowTheSpellingRules() {
    assertThat(VerbTenses.pastOfGerund("managing")).isEqualTo("managed");
    assertThat(VerbTenses.pastOfGerund("baking")).isEqualTo("baked");
    assertThat(VerbTenses.pastOfGerund("planning")).isEqualTo("planned");
    assertThat(VerbTenses.pastOfGerund("installing")).isEqualTo("installed");
    assertThat(VerbTenses.pastOfGerund("supplying")).isEqualTo("supplied");
    assertThat(VerbTenses.pastOfGerund("playing")).isEqualTo("played");
    assertThat(VerbTenses.pastOfGerund("agreeing")).isEqualTo("agreed");
    assertThat(VerbTenses.pastOfGerund("using")).isEqualTo("used");
    assertThat(VerbTenses.pastOfGerund("missing")).isEqualTo("missed");
    assertThat(VerbTenses.pastOfGerund("cooking")).isEqualTo("cooked");
    assertThat(VerbTenses.pastOfGerund("recreating")).isEqualTo("recreated");
    assertThat(VerbTenses.pastOfGerund("panicking")).isEqualTo("panicked");
  }

  @Test
  void wordsThatAreNoVerbsFormHaveNoPast() {
    assertThat(VerbTenses.pastOfGerund("morning")).isNull();
    assertThat(VerbTenses.pastOfGerund("during")).isNull();
    assertThat(VerbTenses.pastOfGerund("string")).isNull();
    assertThat(VerbTenses.pastOfGerund("inventory")).isNull();
    assertThat(VerbTenses.pastOfGerund("ing")).isNull();
    assertThat(VerbTenses.pastOfGerund("sing")).isNull();
    assertThat(VerbTenses.pastOfGerund("self-managing")).isNull();
  }
}
