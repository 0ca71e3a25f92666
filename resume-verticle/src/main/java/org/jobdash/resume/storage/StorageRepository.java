package org.jobdash.resume.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code storage_configs} and the seed's upload rules ({@code get_default_storage_config}, {@code validate_file_upload}). */
public final class StorageRepository {

  private static final String DEFAULT_PROVIDER = "SELECT provider_name FROM get_default_storage_config()";

  private static final String PROVIDERS = "SELECT provider_name, config, max_file_size FROM storage_configs";

  private static final String VALIDATE = "SELECT validate_file_upload($1, $2, $3) AS allowed";

  private static final String QUOTA = """
      SELECT d.max_user_storage_bytes AS quota,
             (SELECT coalesce(sum(r.file_size), 0) FROM resumes r WHERE r.user_id = $1)::bigint AS used
      FROM get_default_storage_config() d""";

  /** One {@code storage_configs} row. */
  public record ProviderRow(String provider, JsonObject config, long maxFileSize) {}

  /** A user's stored bytes against the default provider's per-user quota (null = none). */
  public record Quota(Long quotaBytes, long usedBytes) {}

  private final Pool pool;

  public StorageRepository(Pool pool) {
    this.pool = pool;
  }

  /** The default, active provider's name, if the database has one. */
  public Future<Optional<String>> defaultProvider() {
    return pool.query(DEFAULT_PROVIDER).execute()
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  public Future<Map<String, ProviderRow>> providers() {
    return pool.query(PROVIDERS).execute().map(rows -> {
      Map<String, ProviderRow> out = new LinkedHashMap<>();
      for (Row r : rows) {
        out.put(r.getString("provider_name"), new ProviderRow(r.getString("provider_name"),
            r.getValue("config") instanceof JsonObject o ? o : new JsonObject(), r.getLong("max_file_size")));
      }
      return out;
    });
  }

  /** The seed's upload rule: size, type and the user's quota against the default provider. */
  public Future<Boolean> uploadAllowed(int size, String mimeType, UUID userId) {
    return pool.preparedQuery(VALIDATE).execute(Tuple.of(size, mimeType, userId))
        .map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean("allowed")));
  }

  public Future<Optional<Quota>> quota(UUID userId) {
    return pool.preparedQuery(QUOTA).execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(new Quota(rows.iterator().next().getLong("quota"), rows.iterator().next().getLong("used"))));
  }
}
