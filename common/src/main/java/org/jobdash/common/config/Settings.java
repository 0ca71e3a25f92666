package org.jobdash.common.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's section of the merged configuration, read strictly: the service's module defaults hold every
 * setting once, so a setting that is not there is a start-up error naming it ({@code resume.files.maxPdfPages}),
 * never a value made up in code.
 */
public final class Settings {

  private final String path;
  private final JsonObject json;

  private Settings(String path, JsonObject json) {
    this.path = path;
    this.json = json;
  }

  /** @param name the section's name in the configuration ({@code resume}), used in error messages */
  public static Settings of(String name, JsonObject section) {
    if (section == null) {
      throw new IllegalArgumentException("missing configuration section " + name);
    }
    return new Settings(name, section);
  }

  /** The nested section {@code key}; it must be an object. */
  public Settings section(String key) {
    Object v = present(key);
    if (!(v instanceof JsonObject o)) {
      throw wrongType(key, "an object", v);
    }
    return new Settings(name(key), o);
  }

  /** This section as JSON, for a reader of its own ({@code HttpSettings.from}). */
  public JsonObject json() {
    return json;
  }

  /** A text setting that is set (not null, not blank). */
  public String text(String key) {
    String v = nullableText(key);
    if (v == null || v.isBlank()) {
      throw wrongType(key, "text", v);
    }
    return v;
  }

  /** A text setting that may be null (nothing configured); it must be there all the same. */
  public String nullableText(String key) {
    Object v = present(key);
    if (v != null && !(v instanceof String)) {
      throw wrongType(key, "text", v);
    }
    return (String) v;
  }

  public int integer(String key) {
    long v = whole(key);
    if (v != (int) v) {
      throw new IllegalArgumentException("setting " + name(key) + " is too large: " + v);
    }
    return (int) v;
  }

  public long whole(String key) {
    Object v = present(key);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw wrongType(key, "a whole number", v);
    }
    return n.longValue();
  }

  public double number(String key) {
    Object v = present(key);
    if (!(v instanceof Number n)) {
      throw wrongType(key, "a number", v);
    }
    return n.doubleValue();
  }

  public boolean flag(String key) {
    Object v = present(key);
    if (!(v instanceof Boolean b)) {
      throw wrongType(key, "true or false", v);
    }
    return b;
  }

  /** A list of texts (it may be empty). */
  public List<String> texts(String key) {
    Object v = present(key);
    if (!(v instanceof JsonArray array)) {
      throw wrongType(key, "a list of texts", v);
    }
    List<String> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw wrongType(key, "a list of texts", array.encode());
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  private Object present(String key) {
    if (!json.containsKey(key)) {
      throw new IllegalArgumentException("missing setting " + name(key));
    }
    return json.getValue(key);
  }

  private String name(String key) {
    return path + "." + key;
  }

  private IllegalArgumentException wrongType(String key, String expected, Object actual) {
    return new IllegalArgumentException("setting " + name(key) + " must be " + expected + ", not "
        + (actual == null ? "null" : "'" + actual + "'"));
  }
}
