package org.jobdash.common.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSettingsTest {

  private static final ServiceSettings SAMPLE = new ServiceSettings("sample",
      Map.of("SAMPLE_DATABASE_URL", "database.url", "SAMPLE_PORT", "http.port"));

  @Test
  void theDefaultsComeFromTheSectionsResourceAsAFreshCopy() {
    assertThat(SAMPLE.resource()).isEqualTo("jobdash/sample.json");
    SAMPLE.defaults().getJsonObject("http").put("port", 1);
    assertThat(SAMPLE.defaults().getJsonObject("http").getInteger("port")).isEqualTo(8089);
  }

  @Test
  void givenSettingsAreLaidOverTheDefaults() {
    JsonObject merged = SAMPLE.withDefaults(new JsonObject().put("database", new JsonObject().put("url", "x")));
    assertThat(merged.getJsonObject("database").getString("url")).isEqualTo("x");
    assertThat(merged.getJsonObject("http").getInteger("port")).isEqualTo(8089);
  }

  @Test
  void aliasesAreQualifiedByTheSectionInTheOrderDeclared() {
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("B", "b");
    ordered.put("A", "a.x");
    assertThat(new ServiceSettings("s", ordered).qualifiedAliases()).containsExactly(
        Map.entry("B", "s.b"), Map.entry("A", "s.a.x"));
    assertThatThrownBy(() -> SAMPLE.aliases().put("X", "x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSettingIsDescribedWithTheVariableThatSetsIt() {
    assertThat(SAMPLE.describe("database.url")).isEqualTo("sample.database.url (SAMPLE_DATABASE_URL)");
    assertThat(SAMPLE.describe("http.host")).isEqualTo("sample.http.host");
  }

  @Test
  void theSectionIsReadStrictlyUnderItsName() {
    Settings settings = SAMPLE.read(SAMPLE.defaults());
    assertThat(settings.section("http").integer("port")).isEqualTo(8089);
    assertThatThrownBy(() -> settings.section("http").text("host")).hasMessage("missing setting sample.http.host");
  }
}
