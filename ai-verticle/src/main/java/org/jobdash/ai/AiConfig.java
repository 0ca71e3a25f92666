package org.jobdash.ai;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.auth.JwtSettings;
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

  public static AiConfig from(JsonObject json) {
    JsonObject inference = json.getJsonObject("inference", new JsonObject());
    JsonObject limits = json.getJsonObject("limits", new JsonObject());
    JsonObject providers = json.getJsonObject("providers", new JsonObject());
    JsonObject openai = providers.getJsonObject("openai", new JsonObject());
    JsonObject anthropic = providers.getJsonObject("anthropic", new JsonObject());
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new AiConfig(
        HttpSettings.from(json.getJsonObject("http", new JsonObject()), 8083),
        DatabaseConfig.from("ai.database.url (AI_SERVICE_DATABASE_URL)",
            json.getJsonObject("database", new JsonObject())),
        JwtSettings.from(json.getJsonObject("jwt", new JsonObject())),
        new Inference(
            inference.getInteger("threads", cores),
            inference.getInteger("queueSize", 64),
            Math.max(1, inference.getInteger("maxBatch", 32)),
            Math.max(0, inference.getLong("batchDelayMs", 0L))),
        new Limits(
            limits.getInteger("maxTextChars", 100_000),
            limits.getLong("batchBodyLimitBytes", 16_777_216L),
            positiveMillis("limits.taskDeadlineMs", limits.getLong("taskDeadlineMs", 15_000L))),
        json.getJsonObject("resumeContent", new JsonObject()).getLong("timeoutMs", 5_000L),
        json.getJsonObject("userPreferences", new JsonObject()).getLong("timeoutMs", 1_000L),
        provider("optimizer", json.getString("optimizer", "local")),
        provider("embeddingProvider", json.getString("embeddingProvider", "local")),
        new Providers(
            new Remote(
                openai.getString("baseUrl", "https://api.openai.com"),
                openai.getString("apiKey"),
                openai.getString("chatModel", "gpt-4o-mini"),
                openai.getString("embeddingModel", "text-embedding-3-small"),
                openai.getLong("timeoutMs", 30_000L)),
            new Remote(
                anthropic.getString("baseUrl", "https://api.anthropic.com"),
                anthropic.getString("apiKey"),
                anthropic.getString("model", "claude-3-5-haiku-latest"),
                null,
                anthropic.getLong("timeoutMs", 30_000L)),
            providers.getInteger("maxRetries", 2),
            providers.getLong("initialBackoffMs", 250L),
            providers.getLong("maxBackoffMs", 5_000L),
            providers.getInteger("breakerMaxFailures", 5),
            providers.getLong("breakerResetMs", 30_000L)));
  }

  private static Duration positiveMillis(String key, long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("ai." + key + " must be a positive number of milliseconds (was " + millis + ")");
    }
    return Duration.ofMillis(millis);
  }

  private static String provider(String key, String value) {
    String v = value == null ? "local" : value.strip().toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(v) || ("embeddingProvider".equals(key) && "anthropic".equals(v))) {
      throw new IllegalArgumentException("ai." + key + " must be one of local, openai"
          + ("optimizer".equals(key) ? ", anthropic" : "") + " (was '" + value + "')");
    }
    return v;
  }
}
