package org.jobdash.common.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

  private final Settings resume = Settings.of("resume", new JsonObject()
      .put("files", new JsonObject().put("maxPdfPages", 100).put("maxDecodedBytes", 67_108_864L)
          .put("uploadsDirectory", (String) null).put("ratio", 0.5).put("quota", 5_000_000_000L).put("on", true).put("name", "x")
          .put("acks", new JsonArray().add("resume").add("ai")).put("mixed", new JsonArray().add("a").add(1))));

  @Test
  void settingsReadAsTheirTypes() {
    Settings files = resume.section("files");
    assertThat(files.integer("maxPdfPages")).isEqualTo(100);
    assertThat(files.whole("maxDecodedBytes")).isEqualTo(67_108_864L);
    assertThat(files.number("ratio")).isEqualTo(0.5);
    assertThat(files.number("maxPdfPages")).isEqualTo(100.0);
    assertThat(files.flag("on")).isTrue();
    assertThat(files.text("name")).isEqualTo("x");
    assertThat(files.nullableText("uploadsDirectory")).isNull();
    assertThat(files.texts("acks")).containsExactly("resume", "ai");
  }

  @Test
  void aMissingSettingIsNamedByItsPath() {
    assertThatThrownBy(() -> resume.section("files").integer("maxPages"))
        .hasMessage("missing setting resume.files.maxPages");
    assertThatThrownBy(() -> resume.section("analysis")).hasMessage("missing setting resume.analysis");
    assertThatThrownBy(() -> Settings.of("resume", null)).hasMessage("missing configuration section resume");
  }

  @Test
  void aSettingOfTheWrongTypeIsNamedWithItsValue() {
    Settings files = resume.section("files");
    assertThatThrownBy(() -> files.integer("name"))
        .hasMessage("setting resume.files.name must be a whole number, not 'x'");
    assertThatThrownBy(() -> files.integer("ratio")).hasMessageContaining("must be a whole number");
    assertThatThrownBy(() -> files.integer("quota")).hasMessage("setting resume.files.quota is too large: 5000000000");
    assertThatThrownBy(() -> files.flag("uploadsDirectory")).hasMessageContaining("true or false, not null");
    assertThatThrownBy(() -> files.text("on")).hasMessageContaining("must be text");
    assertThatThrownBy(() -> files.text("uploadsDirectory"))
        .hasMessage("setting resume.files.uploadsDirectory must be text, not null");
    assertThatThrownBy(() -> files.section("name")).hasMessageContaining("must be an object");
    assertThatThrownBy(() -> files.texts("name")).hasMessage("setting resume.files.name must be a list of texts, not 'x'");
    assertThatThrownBy(() -> files.texts("mixed"))
        .hasMessage("setting resume.files.mixed must be a list of texts, not '[\"a\",1]'");
  }
}
