package org.jobdash.ai.skills;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-word phrases in a trie: the longest at each word, case as the alias asks, the first owner of words kept. */
class PhraseIndexTest {

  private static List<Integer> skills(PhraseIndex index, String line) {
    return index.scan(SkillTokens.of(line)).stream().map(PhraseIndex.Hit::skill).toList();
  }

  @Test
  void theLongestAliasAtEachWordWinsAndMatchingGoesOnAfterIt() {
    PhraseIndex index = new PhraseIndex();
    index.add(1, "spark", false, false);
    index.add(2, "spark structured streaming", false, false);
    index.add(3, "kafka", false, false);
    assertThat(skills(index, "Kafka and Spark Structured Streaming; Spark jobs")).containsExactly(3, 2, 1);
  }

  @Test
  void wordsArePluralFoldedAndCaseMattersOnlyWhereAsked() {
    PhraseIndex index = new PhraseIndex();
    index.add(1, "care plan", false, false);
    index.add(2, "RN", true, false);
    index.add(3, "Contribute", true, true);
    assertThat(skills(index, "Wrote care plans")).containsExactly(1);
    assertThat(skills(index, "an rn? no, an RN")).containsExactly(2);
    assertThat(skills(index, "Contribute to teaching")).as("a product name as a line's first word").isEmpty();
    assertThat(skills(index, "Pages in Adobe Contribute")).containsExactly(3);
  }

  @Test
  void theFirstSkillToClaimSomeWordsKeepsThem() {
    PhraseIndex index = new PhraseIndex();
    assertThat(index.add(1, "power bi", false, false)).isTrue();
    assertThat(index.add(2, "Power BI", false, false)).isFalse();
    assertThat(index.add(1, "power bi", false, false)).isTrue();
    assertThat(skills(index, "Power BI dashboards")).containsExactly(1);
  }

  @Test
  void tokensKeepSymbolsThatBelongToTheWord() {
    assertThat(SkillTokens.of("C++, C#, Node.js, P&L, drivers' hours, e-commerce.").stream()
        .map(SkillTokens.Token::exact)).containsExactly("C++", "C#", "Node.js", "P&L", "drivers", "hours", "e",
        "commerce");
    assertThat(SkillTokens.key("Plans")).isEqualTo("plan");
    assertThat(SkillTokens.key("analysis")).isEqualTo("analysis");
    assertThat(SkillTokens.key("glass")).isEqualTo("glass");
    assertThat(SkillTokens.key("deliveries")).isEqualTo("delivery");
  }
}
