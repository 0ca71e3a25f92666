package org.jobdash.launcher;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.jobdash.common.auth.NativeCrypto;
import org.jobdash.common.config.Settings;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.EmbeddedDatabase;
import org.jobdash.common.db.Migrations;
import org.jobdash.launcher.gateway.GatewayVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts services in this JVM: resolves their databases (configured URLs, or the embedded PostgreSQL whose
 * data persists under {@code embedded.dataDir}), migrates them with Flyway before anything listens, and deploys
 * each service's verticle once per core. {@link Running#close()} stops everything, database included.
 */
public final class Launcher {

  private static final Logger log = LoggerFactory.getLogger(Launcher.class);

  /** A started set of services. */
  public static final class Running implements AutoCloseable {
    private final Vertx vertx;
    private final EmbeddedDatabase embedded;
    private final Map<Service, DatabaseUrl> databases;
    private final JsonObject config;

    Running(Vertx vertx, EmbeddedDatabase embedded, Map<Service, DatabaseUrl> databases, JsonObject config) {
      this.vertx = vertx;
      this.embedded = embedded;
      this.databases = databases;
      this.config = config;
    }

    public Vertx vertx() {
      return vertx;
    }

    public DatabaseUrl database(String service) {
      return databases.get(Service.of(service));
    }

    /** The merged configuration the services were started with. */
    public JsonObject config() {
      return config;
    }

    /** The port of {@code user}, {@code resume}, {@code ai} or {@code gateway}. */
    public int port(String service) {
      return config.getJsonObject(service).getJsonObject("http").getInteger("port");
    }

    /** Closes Vert.x (undeploying every verticle and closing pools), then the embedded database. */
    @Override
    public void close() throws Exception {
      try {
        vertx.close().await(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
  }

  private Launcher() {}

  /** Resolves every selected service's database URL, starting the embedded server when one is missing. */
  static Map<Service, DatabaseUrl> databases(JsonObject config, Set<Service> services, EmbeddedDatabase[] embedded)
      throws Exception {
    Map<Service, DatabaseUrl> urls = new EnumMap<>(Service.class);
    for (Service s : services) {
      String url = config.getJsonObject(s.key).getJsonObject("database").getString("url");
      if (url != null && !url.isBlank()) {
        urls.put(s, DatabaseUrl.parse(s.settings.describe("database.url"), url));
      }
    }
    if (urls.size() < services.size()) {
      Settings e = Settings.of("embedded", config.getJsonObject("embedded"));
      Path dataDir = Path.of(e.text("dataDir"));
      embedded[0] = EmbeddedDatabase.start(dataDir.resolve("postgres"), e.integer("port"), Map.of());
      for (Service s : services) {
        if (!urls.containsKey(s)) {
          urls.put(s, embedded[0].database(s.database));
        }
      }
    }
    return urls;
  }

  /** Migrates, then deploys; blocks the calling thread (never an event loop) until every service listens. */
  public static Running start(JsonObject config, Set<Service> services, VertxBuilder builder) throws Exception {
    return start(config, services, false, false, builder);
  }

  /**
   * @param gateway also run the gateway (port 8080 by default) in this process
   * @param clustered join the Hazelcast cluster of the other processes
   */
  public static Running start(JsonObject config, Set<Service> services, boolean gateway, boolean clustered,
                              VertxBuilder builder) throws Exception {
    // a cluster's bus settings are checked before any database starts: a mistake stops the start at once
    EventBusTls.Member tls = clustered ? EventBusTls.read(Settings.of("cluster", config.getJsonObject("cluster"))
        .section("tls")) : null;
    // once for the JVM, before any service signs or verifies a token: every mode, a clustered single service too
    NativeCrypto.install();
    EmbeddedDatabase[] embedded = new EmbeddedDatabase[1];
    Map<Service, DatabaseUrl> urls;
    try {
      urls = databases(config, services, embedded);
      for (Service s : services) {
        new Migrations(s.key, urls.get(s)).migrate();
      }
    } catch (Exception | Error e) {
      if (embedded[0] != null) {
        embedded[0].close();
      }
      throw e;
    }
    Vertx vertx;
    try {
      vertx = clustered
          ? Clustering.clustered(builder, options(), config.getJsonObject("cluster"), tls)
              .buildClustered().await()
          : builder.build();
    } catch (Exception e) {
      if (embedded[0] != null) {
        embedded[0].close();
      }
      throw e;
    }
    try {
      for (Service s : Service.values()) {
        if (!services.contains(s)) {
          continue;
        }
        JsonObject section = config.getJsonObject(s.key).copy();
        if (s == Service.USER && embedded[0] != null && isBlank(section.getJsonObject("database").getString("url"))
            && isBlank(section.getJsonObject("mail").getString("mode"))) {
          // the embedded default is a developer's machine: mails, with their links, go to the log
          section.getJsonObject("mail").put("mode", "log");
        }
        section.getJsonObject("database").put("url", urls.get(s).toUrl());
        int instances = s.settings.read(section).integer("instances");
        if (instances <= 0) {
          instances = Runtime.getRuntime().availableProcessors();
        }
        vertx.deployVerticle(s.deployment.apply(vertx, section), new DeploymentOptions().setInstances(instances)
                .setThreadingModel(ThreadingModel.EVENT_LOOP))
            .await();
        log.info("{} service listening on port {} ({} instances, database {})", s.key,
            section.getJsonObject("http").getInteger("port"), instances, urls.get(s).redacted());
      }
      if (gateway) {
        JsonObject section = config.getJsonObject("gateway");
        vertx.deployVerticle(GatewayVerticle::new, new DeploymentOptions().setConfig(section)
            .setInstances(Runtime.getRuntime().availableProcessors())).await();
        log.info("gateway listening on port {} → {}", section.getJsonObject("http").getInteger("port"),
            section.getJsonObject("routes").encode());
      }
    } catch (Exception e) {
      try {
        vertx.close().await();
      } finally {
        if (embedded[0] != null) {
          embedded[0].close();
        }
      }
      throw e;
    }
    return new Running(vertx, embedded[0], urls, config);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** A Vert.x builder with Prometheus metrics. */
  public static VertxBuilder vertxBuilder() {
    return Vertx.builder().with(options()).withMetrics(new MicrometerMetricsFactory());
  }

  private static VertxOptions options() {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    // a blocked event loop is a bug: log where it was blocked at the first warning, not after 5 s
    return new VertxOptions().setMetricsOptions(metrics)
        .setWarningExceptionTime(2).setWarningExceptionTimeUnit(java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Every service, in start order (the user service first: the others fetch its public keys). */
  public static Set<Service> all() {
    return Set.of(Service.values());
  }

  static List<String> names(Set<Service> services) {
    List<String> out = new ArrayList<>();
    services.forEach(s -> out.add(s.key));
    return out;
  }
}
