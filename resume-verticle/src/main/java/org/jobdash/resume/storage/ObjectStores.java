package org.jobdash.resume.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.jobdash.common.http.ApiException;
import org.jobdash.resume.ResumeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers this instance can reach: the active one, which takes new uploads (the database's default provider
 * unless {@code storage.provider} overrides it), and every other configured one, so that files stored before a
 * switch can still be read and deleted.
 */
public final class ObjectStores {

  private static final Logger log = LoggerFactory.getLogger(ObjectStores.class);

  private final Map<String, ObjectStore> stores;
  private final ObjectStore active;
  private final long maxFileSizeBytes;

  private ObjectStores(Map<String, ObjectStore> stores, ObjectStore active, long maxFileSizeBytes) {
    this.stores = stores;
    this.active = active;
    this.maxFileSizeBytes = maxFileSizeBytes;
  }

  public static Future<ObjectStores> open(Vertx vertx, ResumeConfig config, StorageRepository repository) {
    ResumeConfig.Storage storage = config.storage();
    return repository.defaultProvider().compose(dflt -> repository.providers().compose(rows -> {
      String activeName = storage.provider() != null ? storage.provider() : dflt.orElse("local");
      StorageRepository.ProviderRow activeRow = rows.get(activeName);
      if (activeRow == null) {
        return Future.failedFuture(new IllegalStateException("storage provider '" + activeName
            + "' has no storage_configs row (known: " + rows.keySet() + ")"));
      }
      List<Future<ObjectStore>> opening = new ArrayList<>();
      for (StorageRepository.ProviderRow row : rows.values()) {
        ProviderSettings settings = ProviderSettings.of(row.provider(), row.config(), storage.section(row.provider()),
            config.dataDir().resolve("files"));
        if (settings.usable()) {
          opening.add(open(vertx, settings));
        } else if (row.provider().equals(activeName)) {
          return Future.failedFuture(new IllegalStateException("storage provider '" + activeName
              + "' is selected but has no bucket or directory: set storage." + activeName + ".bucket"));
        }
      }
      return Future.all(opening).map(all -> {
        Map<String, ObjectStore> byName = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
          ObjectStore store = all.resultAt(i);
          byName.put(store.provider(), store);
        }
        long limit = Math.min(storage.maxFileSizeBytes(), activeRow.maxFileSize());
        log.info("storage: new files go to '{}' (at most {} bytes); providers available: {}", activeName, limit,
            byName.keySet());
        return new ObjectStores(byName, byName.get(activeName), limit);
      });
    }));
  }

  private static Future<ObjectStore> open(Vertx vertx, ProviderSettings settings) {
    if (settings.isDirectory()) {
      return LocalObjectStore.open(vertx, settings.provider(), settings.directory());
    }
    return vertx.executeBlocking(() -> new S3ObjectStore(vertx, settings.provider(), S3Clients.build(settings),
        settings.bucket(), settings.prefix()));
  }

  /** The provider that takes new uploads. */
  public ObjectStore active() {
    return active;
  }

  /** The store of {@code provider}, for files stored there earlier. */
  public ObjectStore named(String provider) {
    ObjectStore store = stores.get(provider);
    if (store == null) {
      throw new ApiException.Unavailable("The storage provider '" + provider + "' of this file is not configured");
    }
    return store;
  }

  /** Every open store (user purges sweep them all for stray objects). */
  public List<ObjectStore> all() {
    return List.copyOf(stores.values());
  }

  /** The largest accepted file: the configured limit, capped by the active provider's {@code max_file_size}. */
  public long maxFileSizeBytes() {
    return maxFileSizeBytes;
  }

  public Future<Void> close() {
    return Future.join(stores.values().stream().map(ObjectStore::close).toList()).mapEmpty();
  }
}
