package org.jobdash.resume.storage;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.text.Text;

import java.nio.file.Path;

/**
 * How to reach one provider: its {@code storage_configs.config} (snake_case keys) overridden by the service's
 * configuration section (camelCase keys). A provider is either a directory or a bucket.
 */
record ProviderSettings(String provider, Path directory, String bucket, String region, String endpoint,
                        boolean pathStyle, String prefix, String accessKeyId, String secretAccessKey) {

  /** Railway's S3-compatible bucket endpoint, used when neither the database nor the configuration names one. */
  static final String RAILWAY_ENDPOINT = "https://storage.railway.app";

  boolean isDirectory() {
    return directory != null;
  }

  /** True when there is enough to open the provider: a directory, or a bucket. */
  boolean usable() {
    return directory != null || bucket != null;
  }

  static ProviderSettings of(String provider, JsonObject database, JsonObject override, Path defaultLocalDirectory) {
    JsonObject db = database == null ? new JsonObject() : database;
    String bucket = pick(override, "bucket", db, "bucket");
    String region = pick(override, "region", db, "region");
    String endpoint = pick(override, "endpoint", db, "endpoint");
    String prefix = pick(override, "prefix", db, "base_path");
    Boolean pathStyle = override.getBoolean("pathStyle", db.getBoolean("path_style"));
    Path directory = switch (provider) {
      case "local" -> Path.of(override.getString("basePath", defaultLocalDirectory.toString()));
      case "railway" -> override.getString("volumePath") == null || override.getString("volumePath").isBlank()
          ? null : Path.of(override.getString("volumePath"));
      default -> null;
    };
    if ("railway".equals(provider)) {
      endpoint = endpoint == null ? RAILWAY_ENDPOINT : endpoint;
      region = region == null ? "auto" : region;
    }
    return new ProviderSettings(provider, directory, bucket, region == null ? "us-east-1" : region, endpoint,
        pathStyle != null && pathStyle, normalisePrefix(prefix), pick(override, "accessKeyId", db, null),
        pick(override, "secretAccessKey", db, null));
  }

  private static String pick(JsonObject override, String key, JsonObject db, String dbKey) {
    Object value = override.getValue(key);
    if (value == null && dbKey != null) {
      value = db.getValue(dbKey);
    }
    return value == null ? null : Text.blankToNull(value.toString());
  }

  private static String normalisePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    int start = 0;
    while (start < prefix.length() && prefix.charAt(start) == '/') {
      start++;
    }
    String p = prefix.substring(start);
    return p.isEmpty() || p.endsWith("/") ? p : p + "/";
  }

  /** Never prints the credentials (a record's own toString would). */
  @Override
  public String toString() {
    return "ProviderSettings[" + provider + (directory != null ? " directory " + directory
        : " bucket " + bucket + " at " + (endpoint == null ? "AWS " + region : endpoint)) + "]";
  }
}
