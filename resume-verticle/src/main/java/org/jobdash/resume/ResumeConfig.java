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

  /**
   * Uploads and text work: where the body handler streams uploads, the worker pool that parses them and walks
   * résumé texts (diffs, section changes), the text size limit, what reading one file may cost (PDF pages, bytes
   * its decoders produce), and the deadline of each piece of work.
   */
  public record Files(Path uploadsDirectory, int workerThreads, int workerQueue, int maxContentChars, int maxPdfPages,
                      long maxDecodedBytes, Duration processingTimeout) {}

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
            files.getInteger("maxContentChars", 1_000_000),
            files.getInteger("maxPdfPages", 100),
            files.getLong("maxDecodedBytes", 64L * 1024 * 1024),
            Duration.ofMillis(files.getLong("processingTimeoutMs", 20_000L))),
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
