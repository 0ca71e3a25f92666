package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.auth.JwtSettings;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.http.HttpSettings;

import java.nio.file.Path;
import java.time.Duration;

/** The résumé service's settings, built once from its merged configuration section. */
public record ResumeConfig(
    HttpSettings http,
    DatabaseConfig database,
    JwtSettings jwt,
    Path dataDir,
    Storage storage,
    Files files,
    Analysis analysis,
    Duration optimizationTimeout) {

  /**
   * Where files go. {@code provider} overrides the database's default provider when set; {@code maxFileSizeBytes}
   * is capped by the provider's {@code storage_configs.max_file_size}. Provider sections override the provider's
   * {@code storage_configs.config} (camelCase keys: bucket, region, endpoint, pathStyle, prefix, accessKeyId,
   * secretAccessKey; basePath for {@code local}, volumePath for {@code railway}).
   */
  public record Storage(String provider, long maxFileSizeBytes, JsonObject local, JsonObject s3, JsonObject railway) {

    public JsonObject section(String provider) {
      return switch (provider) {
        case "local" -> local;
        case "s3" -> s3;
        case "railway" -> railway;
        default -> throw new IllegalArgumentException("unknown storage provider '" + provider
            + "' (local, s3, railway)");
      };
    }
  }

  /** Uploads: where the body handler streams them, the worker pool that parses them, the text size limit. */
  public record Files(Path uploadsDirectory, int workerThreads, int workerQueue, int maxContentChars) {}

  /** The re-send sweep of analyses that got no answer. */
  public record Analysis(Duration resendAfter, int maxAttempts, Duration sweepInterval, int sweepBatch) {}

  public static ResumeConfig from(JsonObject json) {
    Path dataDir = Path.of(json.getString("dataDir", "./data"));
    JsonObject storage = json.getJsonObject("storage", new JsonObject());
    JsonObject files = json.getJsonObject("files", new JsonObject());
    JsonObject analysis = json.getJsonObject("analysis", new JsonObject());
    JsonObject optimization = json.getJsonObject("optimization", new JsonObject());
    String uploads = files.getString("uploadsDirectory");
    return new ResumeConfig(
        HttpSettings.from(json.getJsonObject("http", new JsonObject()), 8082),
        DatabaseConfig.from("resume.database.url (RESUME_SERVICE_DATABASE_URL)",
            json.getJsonObject("database", new JsonObject())),
        JwtSettings.from(json.getJsonObject("jwt", new JsonObject())),
        dataDir,
        new Storage(
            blankToNull(storage.getString("provider")),
            storage.getLong("maxFileSizeBytes", 10_485_760L),
            storage.getJsonObject("local", new JsonObject()),
            storage.getJsonObject("s3", new JsonObject()),
            storage.getJsonObject("railway", new JsonObject())),
        new Files(
            uploads == null || uploads.isBlank() ? dataDir.resolve("uploads") : Path.of(uploads),
            files.getInteger("workerThreads", Math.max(1, Runtime.getRuntime().availableProcessors())),
            files.getInteger("workerQueue", 64),
            files.getInteger("maxContentChars", 1_000_000)),
        new Analysis(
            Duration.ofMillis(Math.round(analysis.getDouble("resendAfterSeconds", 60.0) * 1000)),
            analysis.getInteger("maxAttempts", 10),
            Duration.ofMillis(analysis.getLong("sweepIntervalMs", 30_000L)),
            analysis.getInteger("sweepBatch", 100)),
        Duration.ofMillis(optimization.getLong("timeoutMs", 60_000L)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
