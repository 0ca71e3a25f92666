package org.jobdash.common.config;

import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service declares about its configuration section, so that each setting has one place: the section's
 * name, every setting with its default in the module's {@code jobdash/<section>.json}, and the environment
 * variables that set some of them. The launcher merges the declarations; the service reads its merged section
 * strictly with {@link Settings}.
 *
 * @param section the section's name in the configuration ({@code user})
 * @param aliases environment variable → dotted path inside the section ({@code MAIL_MODE → mail.mode})
 */
public record ServiceSettings(String section, Map<String, String> aliases) {

  public ServiceSettings {
    aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
  }

  /** The classpath resource with every setting of the section and its default. */
  public String resource() {
    return "jobdash/" + section + ".json";
  }

  /** Every setting of the section with its default (a fresh copy: callers may merge into it). */
  public JsonObject defaults() {
    return ConfigLoader.resource(resource());
  }

  /** {@code given} laid over {@link #defaults()}: for a deployment that gives only some of the settings. */
  public JsonObject withDefaults(JsonObject given) {
    JsonObject merged = defaults();
    ConfigLoader.deepMerge(merged, given);
    return merged;
  }

  /** The aliases with paths from the configuration's root ({@code MAIL_MODE → user.mail.mode}). */
  public Map<String, String> qualifiedAliases() {
    Map<String, String> out = new LinkedHashMap<>();
    aliases.forEach((variable, path) -> out.put(variable, section + "." + path));
    return out;
  }

  /**
   * A setting as an error message should name it: its full path and, when one sets it, the variable
   * ({@code user.database.url (USER_SERVICE_DATABASE_URL)}).
   */
  public String describe(String path) {
    String name = section + "." + path;
    return aliases.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey).findFirst()
        .map(variable -> name + " (" + variable + ")").orElse(name);
  }

  /** The merged section, read strictly. */
  public Settings read(JsonObject json) {
    return Settings.of(section, json);
  }
}
