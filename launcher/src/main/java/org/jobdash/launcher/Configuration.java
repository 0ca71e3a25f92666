package org.jobdash.launcher;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.config.Settings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merged configuration of one start: the launcher's own defaults (gateway, cluster, embedded database) and each
 * service's (its module's {@code jobdash/<section>.json}), then the {@code --config} file, then the environment
 * (every service's variables, the launcher's, {@code DATABASE_URL}, {@code JOBDASH__section__key}), then the
 * settings that follow others unless given.
 */
final class Configuration {

  /** The launcher's own defaults; each service's are in its module. */
  static final String DEFAULTS = "jobdash-defaults.json";

  /** The launcher's own variables; each service declares its own ({@code ServiceSettings.aliases}). */
  static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("JOBDASH_DATA_DIR", "embedded.dataDir"),
      Map.entry("EMBEDDED_POSTGRES_PORT", "embedded.port"),
      Map.entry("GATEWAY_PORT", "gateway.http.port"),
      Map.entry("USER_SERVICE_URL", "gateway.routes.user"),
      Map.entry("RESUME_SERVICE_URL", "gateway.routes.resume"),
      Map.entry("AI_SERVICE_URL", "gateway.routes.ai"),
      Map.entry("CLUSTER_MEMBERS", "cluster.members"),
      Map.entry("CLUSTER_HOST", "cluster.interface"),
      Map.entry("CLUSTER_PORT", "cluster.port"),
      Map.entry("EVENT_BUS_HOST", "cluster.eventBusHost"),
      Map.entry("EVENT_BUS_PORT", "cluster.eventBusPort"),
      Map.entry("EVENT_BUS_PUBLIC_HOST", "cluster.eventBusPublicHost"),
      Map.entry("EVENT_BUS_TLS_CERT", "cluster.tls.certificate"),
      Map.entry("EVENT_BUS_TLS_KEY", "cluster.tls.key"),
      Map.entry("EVENT_BUS_TLS_CA", "cluster.tls.ca"));

  /** Sets the database of the one service a process runs. */
  static final String SINGLE_DATABASE_URL = "DATABASE_URL";

  private Configuration() {}

  /** Every setting with its default: the launcher's sections, and each service's under its section's name. */
  static JsonObject defaults() {
    JsonObject defaults = ConfigLoader.resource(DEFAULTS);
    for (Service s : Service.values()) {
      defaults.put(s.key, s.settings.defaults());
    }
    return defaults;
  }

  /**
   * Every environment variable with the settings it sets: the launcher's and each service's (a variable two
   * services declare, {@code JWKS_URL}, sets the setting of both).
   */
  static Map<String, String> variables() {
    Map<String, String> all = new LinkedHashMap<>(ALIASES);
    for (Service s : Service.values()) {
      s.settings.qualifiedAliases().forEach((variable, path) -> all.merge(variable, path, (a, b) -> a + "," + b));
    }
    return all;
  }

  /** The configuration {@code command} runs with, in {@code env}. */
  static JsonObject load(Command command, Map<String, String> env) {
    JsonObject file = command.configFile() == null ? null : ConfigLoader.file(command.configFile());
    JsonObject config = ConfigLoader.merge(defaults(), file, env, variables());
    String single = env.get(SINGLE_DATABASE_URL);
    if (single != null && !single.isBlank()) {
      if (command.services().size() != 1) {
        throw new IllegalArgumentException(SINGLE_DATABASE_URL + " serves one service: start it with --service"
            + " user|resume|ai, or set each service's: " + String.join(", ",
            Arrays.stream(Service.values()).map(s -> s.settings.describe("database.url")).toList()));
      }
      Service s = command.services().iterator().next();
      config.getJsonObject(s.key).getJsonObject("database").put("url", single);
    }
    return derive(config, command);
  }

  /**
   * Settings that follow others unless given: every service keeps its files (and the user service its keys) under
   * the embedded database's data directory; the résumé and AI services fetch the keys from the user service; the
   * gateway proxies to the services' ports; and the services listen on loopback when the gateway in this same
   * process is the only way in, on every interface otherwise (a cluster, or a service run on its own).
   */
  static JsonObject derive(JsonObject config, Command command) {
    String serviceHost = command.gateway() && !command.cluster() ? "127.0.0.1" : "0.0.0.0";
    String dataDir = Settings.of("embedded", config.getJsonObject("embedded")).text("dataDir");
    Settings user = Service.USER.settings.read(config.getJsonObject(Service.USER.key));
    int userPort = user.section("http").integer("port");
    JsonObject routes = config.getJsonObject("gateway").getJsonObject("routes");
    for (Service s : Service.values()) {
      JsonObject section = config.getJsonObject(s.key);
      JsonObject http = section.getJsonObject("http");
      if (http.getString("host") == null) {
        http.put("host", serviceHost);
      }
      if (section.containsKey("dataDir")) {
        section.put("dataDir", dataDir);
      }
      JsonObject jwt = section.getJsonObject("jwt");
      if (jwt.containsKey("jwksUrl") && jwt.getString("jwksUrl") == null) {
        jwt.put("jwksUrl", "http://127.0.0.1:" + userPort + "/.well-known/jwks.json");
      }
      if (routes.getString(s.key) == null) {
        routes.put(s.key, "http://127.0.0.1:" + http.getInteger("port"));
      }
    }
    return config;
  }
}
