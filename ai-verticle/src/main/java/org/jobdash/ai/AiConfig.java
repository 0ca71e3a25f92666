package org.jobdash.ai;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.auth.JwtSettings;
import org.jobdash.common.config.ServiceSettings;
import org.jobdash.common.config.Settings;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.http.HttpSettings;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The AI service's settings, built once from its merged configuration section. */
public record AiConfig(
    HttpSettings http,
    DatabaseConfig database,
    JwtSettings jwt,
    Inference inference,
    Limits limits,
    long resumeContentTimeoutMs,
    long userPreferencesTimeoutMs,
    String optimizer,
    String embeddingProvider,
    Providers providers) {

  static final Set<String> PROVIDERS = Set.of("local", "openai", "anthropic");

  /** The bounded inference pool and the request batcher in front of it. */
  public record Inference(int threads, int queueSize, int maxBatch, long batchDelayMs) {}

  /**
   * Input limits: text fields above {@code maxTextChars} are a 413; the batch endpoint's own body limit; and how
   * long the work of one request may take on the worker pools before it is stopped with a 422.
   */
  public record Limits(int maxTextChars, long batchBodyLimitBytes, Duration taskDeadline) {}

  /** One remote model server: where, with which key and models, and how long to wait. */
  public record Remote(String baseUrl, String apiKey, String chatModel, String embeddingModel, long timeoutMs) {
    public boolean configured() {
      return apiKey != null && !apiKey.isBlank() && baseUrl != null && !baseUrl.isBlank();
    }
  }

  /** Remote providers and how calls to them are retried and cut off. */
  public record Providers(Remote openai, Remote anthropic, int maxRetries, long initialBackoffMs, long maxBackoffMs,
                          int breakerMaxFailures, long breakerResetMs) {}

  /** The section, every default once ({@code jobdash/ai.json}) and the environment variables that set it. */
  public static final ServiceSettings SETTINGS = new ServiceSettings("ai", Map.of(
      "AI_SERVICE_DATABASE_URL", "database.url",
      "AI_SERVICE_PORT", "http.port",
      "JWKS_URL", "jwt.jwksUrl",
      "OPENAI_API_KEY", "providers.openai.apiKey",
      "ANTHROPIC_API_KEY", "providers.anthropic.apiKey"));

  /**
   * The settings of a merged {@code ai} section (see {@link #SETTINGS}). Nothing falls back to a value of its own: a
   * setting missing from the section is an error naming it.
   */
  public static AiConfig from(JsonObject json) {
    Settings ai = SETTINGS.read(json);
    Settings inference = ai.section("inference");
    Settings limits = ai.section("limits");
    Settings providers = ai.section("providers");
    Settings openai = providers.section("openai");
    Settings anthropic = providers.section("anthropic");
    Settings http = ai.section("http");
    int threads = inference.integer("threads");
    return new AiConfig(
        HttpSettings.from(http.json(), http.integer("port")),
        DatabaseConfig.from(SETTINGS.describe("database.url"), ai.section("database").json()),
        JwtSettings.from(ai.section("jwt").json()),
        new Inference(
            // 0: one thread per core
            threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()),
            inference.integer("queueSize"),
            Math.max(1, inference.integer("maxBatch")),
            Math.max(0, inference.whole("batchDelayMs"))),
        new Limits(
            limits.integer("maxTextChars"),
            limits.whole("batchBodyLimitBytes"),
            positiveMillis("limits.taskDeadlineMs", limits.whole("taskDeadlineMs"))),
        ai.section("resumeContent").whole("timeoutMs"),
        ai.section("userPreferences").whole("timeoutMs"),
        provider("optimizer", ai.text("optimizer")),
        provider("embeddingProvider", ai.text("embeddingProvider")),
        new Providers(
            new Remote(
                openai.text("baseUrl"),
                openai.nullableText("apiKey"),
                openai.text("chatModel"),
                openai.text("embeddingModel"),
                openai.whole("timeoutMs")),
            new Remote(
                anthropic.text("baseUrl"),
                anthropic.nullableText("apiKey"),
                anthropic.text("model"),
                null,
                anthropic.whole("timeoutMs")),
            providers.integer("maxRetries"),
            providers.whole("initialBackoffMs"),
            providers.whole("maxBackoffMs"),
            providers.integer("breakerMaxFailures"),
            providers.whole("breakerResetMs")));
  }

  private static Duration positiveMillis(String key, long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("ai." + key + " must be a positive number of milliseconds (was " + millis + ")");
    }
    return Duration.ofMillis(millis);
  }

  private static String provider(String key, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(v) || ("embeddingProvider".equals(key) && "anthropic".equals(v))) {
      throw new IllegalArgumentException("ai." + key + " must be one of local, openai"
          + ("optimizer".equals(key) ? ", anthropic" : "") + " (was '" + value + "')");
    }
    return v;
  }
}
