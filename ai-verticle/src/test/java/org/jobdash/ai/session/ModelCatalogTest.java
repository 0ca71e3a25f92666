package org.jobdash.ai.session;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operation's tokens cost, from the registry's per-1,000-token prices. */
class ModelCatalogTest {

  static final ModelCatalog.Model GPT = new ModelCatalog.Model(UUID.randomUUID(), "gpt-4o-mini", "openai",
      new BigDecimal("0.000150"), new BigDecimal("0.000600"));

  @Test
  void costIsInputAndOutputTokensAtTheirPricesPerThousand() {
    // 1,200 × 0.00015 / 1000 + 300 × 0.0006 / 1000 = 0.00018 + 0.00018
    assertThat(GPT.cost(1_200, 300)).isEqualByComparingTo("0.000360");
    assertThat(GPT.cost(1_000, 0)).isEqualByComparingTo("0.000150");
    assertThat(GPT.cost(0, 1_000)).isEqualByComparingTo("0.000600");
    assertThat(GPT.cost(0, 0)).isEqualByComparingTo("0");
  }

  @Test
  void costKeepsSixDecimalsRoundedHalfUp() {
    ModelCatalog.Model model = new ModelCatalog.Model(UUID.randomUUID(), "m", "openai", new BigDecimal("0.002500"),
        new BigDecimal("0.010000"));
    assertThat(model.cost(1, 0)).as("0.0000025 rounds up").isEqualTo(new BigDecimal("0.000003"));
    assertThat(model.cost(1, 0).scale()).isEqualTo(6);
    assertThat(GPT.cost(3, 0)).as("0.00000045 rounds down").isEqualTo(new BigDecimal("0.000000"));
    assertThat(model.cost(1_000_000, 1_000_000)).isEqualTo(new BigDecimal("12.500000"));
  }

  @Test
  void aLocalModelIsFree() {
    ModelCatalog.Model local = new ModelCatalog.Model(UUID.randomUUID(), "all-minilm-l6-v2-q", "local",
        BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(local.cost(50_000, 0)).isEqualByComparingTo("0");
  }

  @Test
  void modelsAreFoundByNameAndAnUnknownOneIsNot() {
    ModelCatalog catalog = new ModelCatalog(List.of(GPT));
    assertThat(catalog.find("gpt-4o-mini")).isEqualTo(GPT);
    assertThat(catalog.find("gpt-5")).isNull();
    assertThat(catalog.find(null)).isNull();
  }
}
