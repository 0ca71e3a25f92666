package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OpenAPI documents as YAML, read the way the linters read them (YAML 1.2 core: only {@code true}/{@code false}
 * are booleans, no timestamps, a duplicate key is an error) and written so that a YAML 1.1 reader, such as the
 * client generator's, reads the same values (strings like {@code no} or {@code 2024-01-01} come out quoted).
 * The documents are our own (the services' and the merged one), never a client's text.
 */
public final class OpenApiYaml {

  private OpenApiYaml() {}

  public static JsonObject parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
        options, new CoreSchema()).load(text);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("an OpenAPI document is a YAML mapping");
    }
    return (JsonObject) json(map);
  }

  public static String write(JsonObject document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(120);
    return new Yaml(new Representer(options), options).dump(plain(document));
  }

  private static Object json(Object value) {
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((k, v) -> object.put(String.valueOf(k), json(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(v -> array.add(json(v)));
      return array;
    }
    return value;
  }

  /** JsonObject and JsonArray as the maps and lists snakeyaml writes. */
  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.forEach(v -> list.add(plain(v)));
      return list;
    }
    return value;
  }

  /** YAML 1.2's core schema: snakeyaml's own resolver is YAML 1.1's (yes/no/on/off booleans, timestamps). */
  private static final class CoreSchema extends Resolver {
    private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
