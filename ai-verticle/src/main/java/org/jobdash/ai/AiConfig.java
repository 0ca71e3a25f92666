package org.jobdash.ai;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.auth.JwtSettings;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.http.HttpSettings;

import java.time.Duration;
import java.util.Locale;
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

  /** The classpath resource with every default of the {@code ai} section, once. */
  public static final String DEFAULTS = "jobdash/ai.json";

  /** The {@code ai} section with every setting at its default (a copy: callers may merge into it). */
  public static JsonObject defaults() {
    return ConfigLoader.resource(DEFAULTS);
  }

  /**
   * The settings of a merged {@code ai} section (see {@link #defaults}). Nothing falls back to a value of its own: a
   * setting missing from the section is an error naming it.
   */
  public static AiConfig from(JsonObject json) {
    Section ai = new Section("ai", json);
    Section inference = ai.section("inference");
    Section limits = ai.section("limits");
    Section providers = ai.section("providers");
    Section openai = providers.section("openai");
    Section anthropic = providers.section("anthropic");
    Section http = ai.section("http");
    int threads = inference.integer("threads");
    return new AiConfig(
        HttpSettings.from(http.json(), http.integer("port")),
        DatabaseConfig.from("ai.database.url (AI_SERVICE_DATABASE_URL)", ai.section("database").json()),
        JwtSettings.from(ai.section("jwt").json()),
        new Inference(
            // 0: one thread per core
            threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()),
            inference.integer("queueSize"),
            Math.max(1, inference.integer("maxBatch")),
            Math.max(0, inference.longValue("batchDelayMs"))),
        new Limits(
            limits.integer("maxTextChars"),
            limits.longValue("batchBodyLimitBytes"),
            positiveMillis("limits.taskDeadlineMs", limits.longValue("taskDeadlineMs"))),
        ai.section("resumeContent").longValue("timeoutMs"),
        ai.section("userPreferences").longValue("timeoutMs"),
        provider("optimizer", ai.string("optimizer")),
        provider("embeddingProvider", ai.string("embeddingProvider")),
        new Providers(
            new Remote(
                openai.string("baseUrl"),
                openai.nullableString("apiKey"),
                openai.string("chatModel"),
                openai.string("embeddingModel"),
                openai.longValue("timeoutMs")),
            new Remote(
                anthropic.string("baseUrl"),
                anthropic.nullableString("apiKey"),
                anthropic.string("model"),
                null,
                anthropic.longValue("timeoutMs")),
            providers.integer("maxRetries"),
            providers.longValue("initialBackoffMs"),
            providers.longValue("maxBackoffMs"),
            providers.integer("breakerMaxFailures"),
            providers.longValue("breakerResetMs")));
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

  /** One object of the configuration, read by dotted path; a missing or mistyped setting is an error naming it. */
  private record Section(String path, JsonObject json) {

    Section section(String key) {
      return new Section(path + "." + key, typed(key, JsonObject.class, "an object"));
    }

    int integer(String key) {
      return typed(key, Number.class, "a number").intValue();
    }

    long longValue(String key) {
      return typed(key, Number.class, "a number").longValue();
    }

    String string(String key) {
      return typed(key, String.class, "a text");
    }

    /** A text that may be null (unset), though the setting itself must be there. */
    String nullableString(String key) {
      present(key);
      return json.getValue(key) == null ? null : string(key);
    }

    private <T> T typed(String key, Class<T> type, String what) {
      present(key);
      Object value = json.getValue(key);
      if (!type.isInstance(value)) {
        throw new IllegalArgumentException(path + "." + key + " must be " + what + " (was " + value + ")");
      }
      return type.cast(value);
    }

    private void present(String key) {
      if (!json.containsKey(key)) {
        throw new IllegalArgumentException("the setting " + path + "." + key + " is missing");
      }
    }
  }
}
