package org.jobdash.ai;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AI settings come from the module's defaults, and a setting missing from the section is named. */
class AiConfigTest {

  private static JsonObject section() {
    JsonObject section = AiConfig.SETTINGS.defaults();
    section.getJsonObject("database").put("url", "postgresql://ai:secret@127.0.0.1:5432/ai_service_db");
    return section;
  }

  @Test
  void theDefaultsBuildTheSettingsTheServiceDocuments() {
    AiConfig config = AiConfig.from(section());
    assertThat(config.http().port()).isEqualTo(8083);
    assertThat(config.inference().queueSize()).isEqualTo(64);
    assertThat(config.inference().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.limits()).isEqualTo(new AiConfig.Limits(100_000, 16_777_216L, Duration.ofSeconds(15)));
    assertThat(config.resumeContentTimeoutMs()).isEqualTo(5_000);
    assertThat(config.userPreferencesTimeoutMs()).isEqualTo(1_000);
    assertThat(config.optimizer()).isEqualTo("local");
    assertThat(config.embeddingProvider()).isEqualTo("local");
    assertThat(config.providers().openai().configured()).isFalse();
    assertThat(config.providers().anthropic().chatModel()).isEqualTo("claude-3-5-haiku-latest");
    assertThat(config.providers().maxRetries()).isEqualTo(2);
    assertThat(config.providers().initialBackoffMs()).isEqualTo(250);
    assertThat(config.providers().maxBackoffMs()).isEqualTo(5_000);
  }

  @Test
  void eachCallGetsItsOwnCopyOfTheDefaults() {
    AiConfig.SETTINGS.defaults().getJsonObject("inference").put("queueSize", 1);
    assertThat(AiConfig.SETTINGS.defaults().getJsonObject("inference").getInteger("queueSize")).isEqualTo(64);
  }

  @Test
  void aMissingSettingIsAnErrorNamingIt() {
    JsonObject section = section();
    section.getJsonObject("inference").remove("queueSize");
    assertThatThrownBy(() -> AiConfig.from(section)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing setting ai.inference.queueSize");
    JsonObject noProviders = section();
    noProviders.remove("providers");
    assertThatThrownBy(() -> AiConfig.from(noProviders)).hasMessage("missing setting ai.providers");
    JsonObject noKey = section();
    noKey.getJsonObject("providers").getJsonObject("openai").remove("apiKey");
    assertThatThrownBy(() -> AiConfig.from(noKey)).hasMessage("missing setting ai.providers.openai.apiKey");
  }

  @Test
  void aMistypedOrInvalidSettingIsAnErrorNamingIt() {
    JsonObject text = section();
    text.getJsonObject("limits").put("maxTextChars", "lots");
    assertThatThrownBy(() -> AiConfig.from(text)).hasMessage("setting ai.limits.maxTextChars must be a whole number, not 'lots'");
    JsonObject unset = section();
    unset.put("optimizer", null);
    assertThatThrownBy(() -> AiConfig.from(unset)).hasMessage("setting ai.optimizer must be text, not null");
    JsonObject anthropicEmbeddings = section().put("embeddingProvider", "anthropic");
    assertThatThrownBy(() -> AiConfig.from(anthropicEmbeddings)).hasMessageContaining("ai.embeddingProvider");
    JsonObject noDeadline = section();
    noDeadline.getJsonObject("limits").put("taskDeadlineMs", 0);
    assertThatThrownBy(() -> AiConfig.from(noDeadline)).hasMessageContaining("ai.limits.taskDeadlineMs");
  }

  @Test
  void givenSettingsWinOverTheDefaults() {
    JsonObject section = section().put("optimizer", " OpenAI ");
    section.getJsonObject("inference").put("threads", 3);
    section.getJsonObject("providers").getJsonObject("openai").put("apiKey", "sk-test");
    AiConfig config = AiConfig.from(section);
    assertThat(config.optimizer()).isEqualTo("openai");
    assertThat(config.inference().threads()).isEqualTo(3);
    assertThat(config.providers().openai().configured()).isTrue();
  }
}
