package org.jobdash.common.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Merges configuration once at start: built-in defaults, then an optional JSON file, then environment
 * variables. Environment variables are read here and nowhere else: named aliases ({@code DATABASE_URL} →
 * {@code database.url}) and the generic form {@code JOBDASH__section__key=value}.
 */
public final class ConfigLoader {

  public static final String GENERIC_PREFIX = "JOBDASH__";

  private ConfigLoader() {}

  public static JsonObject resource(String name) {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing configuration resource " + name);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  public static JsonObject file(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + path + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("configuration file " + path + " is not a JSON object: " + e.getMessage());
    }
  }

  /**
   * @param aliases environment variable name → dotted path in the configuration (several paths separated by
   *                commas when one variable sets several settings)
   */
  public static JsonObject merge(JsonObject defaults, JsonObject file, Map<String, String> env,
                                 Map<String, String> aliases) {
    JsonObject merged = defaults.copy();
    if (file != null) {
      deepMerge(merged, file);
    }
    aliases.forEach((variable, path) -> {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        for (String target : path.split(",")) {
          set(merged, target.strip(), value);
        }
      }
    });
    env.forEach((variable, value) -> {
      if (variable.startsWith(GENERIC_PREFIX)) {
        set(merged, variable.substring(GENERIC_PREFIX.length()).replace("__", "."), value);
      }
    });
    return merged;
  }

  public static void deepMerge(JsonObject target, JsonObject source) {
    for (var entry : source) {
      Object existing = target.getValue(entry.getKey());
      if (existing instanceof JsonObject to && entry.getValue() instanceof JsonObject from) {
        deepMerge(to, from);
      } else {
        target.put(entry.getKey(), entry.getValue());
      }
    }
  }

  /** Sets a dotted path, converting the text to the type already there (number, boolean, list). */
  public static void set(JsonObject root, String path, String value) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    String key = parts[parts.length - 1];
    Object existing = node.getValue(key);
    node.put(key, node.containsKey(key) ? convert(path, existing, value.strip()) : infer(value.strip()));
  }

  /** A setting with no default: a whole number, true/false, or text. */
  private static Object infer(String value) {
    if (value.matches("-?\\d{1,18}")) {
      long l = Long.parseLong(value);
      return l == (int) l ? (Object) (int) l : (Object) l;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    return value;
  }

  private static Object convert(String path, Object existing, String value) {
    try {
      if (existing instanceof Integer) {
        return Integer.parseInt(value);
      }
      if (existing instanceof Long) {
        return Long.parseLong(value);
      }
      if (existing instanceof Number) {
        return Double.parseDouble(value);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("configuration " + path + " must be a number, was '" + value + "'");
    }
    if (existing instanceof Boolean) {
      if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("configuration " + path + " must be true or false, was '" + value + "'");
      }
      return Boolean.parseBoolean(value);
    }
    if (existing instanceof JsonArray) {
      JsonArray array = new JsonArray();
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          array.add(item.strip());
        }
      }
      return array;
    }
    return value;
  }
}
