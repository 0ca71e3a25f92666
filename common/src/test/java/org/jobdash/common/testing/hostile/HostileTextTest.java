package org.jobdash.common.testing.hostile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostileTextTest {

  @Test
  void patternsKeepTheirNaturalLengthUnderAHighLimitAndAreCutToALowOne() {
    List<Named<String>> natural = HostileText.patterns(100_000);
    List<Named<String>> cut = HostileText.patterns(255);

    assertThat(natural).extracting(Named::name).contains("heading-3000-spaces-3002", "bullet-1,1,1-20000",
        "open-parens-20000", "short-lines-20000", "maximum-size-100000");
    assertThat(natural).allSatisfy(p -> assertThat(p.value().length()).isLessThanOrEqualTo(100_000));
    assertThat(cut).allSatisfy(p -> assertThat(p.value()).hasSize(255));
    assertThat(cut).extracting(Named::name).allMatch(n -> n.endsWith("-255"));
  }

  @Test
  void eachPatternIsTheShapeItIsNamedFor() {
    assertThat(HostileText.headingSpaces(3_002)).startsWith("# ").endsWith(" b").hasSize(3_002)
        .containsOnlyOnce("#");
    assertThat(HostileText.runThenNewline('\u00A0', 20_002)).startsWith("\u00A0\u00A0").endsWith("\u00A0\nx");
    assertThat(HostileText.bullet(20_000)).startsWith("- 1,1,1,").doesNotContain("\n").hasSize(20_000);
    assertThat(HostileText.shortLines(20_000).lines().count()).isEqualTo(10_000);
    assertThat(HostileText.combining(1_000).codePoints().filter(Character::isLetter).count()).isEqualTo(1);
    String astral = HostileText.astral(1_001);
    assertThat(astral).hasSize(1_001);
    assertThat(astral.codePointCount(0, astral.length())).isEqualTo(501);
  }

  @Test
  void theMaximumSizeIsExactlyTheLimitAndBeyondIsOneMore() {
    assertThat(HostileText.words(100_000)).hasSize(100_000).contains("Registered nurse");
    assertThat(HostileText.beyond(255)).hasSize(256);
  }

  @Test
  void encodingsCarryNulAndUnpairedSurrogates() {
    List<String> texts = HostileText.encodings().stream().map(Named::value).toList();

    assertThat(texts).anyMatch(t -> t.indexOf('\u0000') >= 0);
    assertThat(texts.stream().filter(HostileTextTest::hasUnpairedSurrogate)).hasSize(3);
  }

  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
