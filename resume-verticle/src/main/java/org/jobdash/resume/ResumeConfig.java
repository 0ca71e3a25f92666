package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.auth.JwtSettings;
import org.jobdash.common.config.ServiceSettings;
import org.jobdash.common.config.Settings;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.http.HttpSettings;
import org.jobdash.common.text.Text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The résumé service's settings, built once from its merged configuration section. Every default is in the
 * module's {@code jobdash/resume.json} ({@link #SETTINGS}), once; {@link #from} reads the section without
 * defaults of its own, so a missing setting stops the start with its name.
 */
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
   * Uploads and text work: where the body handler streams uploads ({@code files.uploadsDirectory}, by default
   * {@code uploads} under the data directory), the worker pool that parses them and walks résumé texts (diffs,
   * section changes; {@code files.workerThreads} 0 is one thread per core), the text size limit, what reading one
   * file may cost (PDF pages, bytes its decoders produce), and the deadline of each piece of work.
   */
  public record Files(Path uploadsDirectory, int workerThreads, int workerQueue, int maxContentChars, int maxPdfPages,
                      long maxDecodedBytes, Duration processingTimeout) {}

  /** The re-send sweep of analyses that got no answer. */
  public record Analysis(Duration resendAfter, int maxAttempts, Duration sweepInterval, int sweepBatch) {}

  /** The section, its defaults ({@code jobdash/resume.json}) and the environment variables that set it. */
  public static final ServiceSettings SETTINGS = new ServiceSettings("resume", Map.of(
      "RESUME_SERVICE_DATABASE_URL", "database.url",
      "RESUME_SERVICE_PORT", "http.port",
      "JWKS_URL", "jwt.jwksUrl"));

  /** @param json the whole résumé section; a setting that is missing or of the wrong type fails, naming it */
  public static ResumeConfig from(JsonObject json) {
    Settings section = SETTINGS.read(json);
    Path dataDir = Path.of(section.text("dataDir"));
    Settings http = section.section("http");
    Settings storage = section.section("storage");
    Settings files = section.section("files");
    Settings analysis = section.section("analysis");
    String uploads = Text.blankToNull(files.nullableText("uploadsDirectory"));
    int workerThreads = files.integer("workerThreads");
    return new ResumeConfig(
        HttpSettings.from(http.json(), http.integer("port")),
        DatabaseConfig.from(SETTINGS.describe("database.url"), section.section("database").json()),
        JwtSettings.from(section.section("jwt").json()),
        dataDir,
        new Storage(
            Text.blankToNull(storage.nullableText("provider")),
            storage.whole("maxFileSizeBytes"),
            storage.section("local").json(),
            storage.section("s3").json(),
            storage.section("railway").json()),
        new Files(
            uploads == null ? dataDir.resolve("uploads") : Path.of(uploads),
            workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors(),
            files.integer("workerQueue"),
            files.integer("maxContentChars"),
            files.integer("maxPdfPages"),
            files.whole("maxDecodedBytes"),
            Duration.ofMillis(files.whole("processingTimeoutMs"))),
        new Analysis(
            Duration.ofMillis(Math.round(analysis.number("resendAfterSeconds") * 1000)),
            analysis.integer("maxAttempts"),
            Duration.ofMillis(analysis.whole("sweepIntervalMs")),
            analysis.integer("sweepBatch")),
        Duration.ofMillis(section.section("optimization").whole("timeoutMs")));
  }
}
