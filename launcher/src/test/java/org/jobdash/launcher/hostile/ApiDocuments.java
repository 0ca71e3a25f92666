package org.jobdash.launcher.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation of the three services' OpenAPI documents (read from the classpath, as the services serve them),
 * with {@code $ref}s resolved: method, path, parameters, the JSON request body's schema, whether it takes a
 * multipart upload, whether it needs a token, and the schema of its success answer.
 */
final class ApiDocuments {

  static final Map<String, String> DOCUMENTS = Map.of(
      "user", "openapi/user-service.yaml",
      "resume", "openapi/resume-service.yaml",
      "ai", "openapi/ai-service.yaml");

  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  record Parameter(String name, String in, JsonNode schema, boolean required) {}

  /** A property somewhere in a request body, e.g. {@code items[0].vector}. */
  record Field(List<Object> path, JsonNode schema) {
    String name() {
      StringBuilder b = new StringBuilder();
      for (Object p : path) {
        if (p instanceof Integer i) {
          b.append('[').append(i).append(']');
        } else {
          b.append(b.length() == 0 ? "" : ".").append(p);
        }
      }
      return b.toString();
    }
  }

  record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode jsonBody,
                   boolean multipart, boolean secured, JsonNode success) {

    /** {@code POST /api/v1/resumes}. */
    String name() {
      return method + " " + path;
    }

    List<Parameter> in(String where) {
      return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    /**
     * The body's properties, nested objects and the first item of arrays included. A body documented as a bare
     * {@code object} has the properties of the resource it answers with (PATCH {@code /users/me} answers a User).
     */
    List<Field> fields() {
      List<Field> out = new ArrayList<>();
      if (jsonBody == null) {
        return out;
      }
      JsonNode schema = Schemas.properties(jsonBody).isEmpty() && success != null ? success : jsonBody;
      collect(schema, new ArrayList<>(), out, 0);
      return out;
    }

    private static void collect(JsonNode schema, List<Object> at, List<Field> out, int depth) {
      for (Map.Entry<String, JsonNode> p : Schemas.properties(schema).entrySet()) {
        List<Object> path = new ArrayList<>(at);
        path.add(p.getKey());
        out.add(new Field(path, p.getValue()));
        descend(p.getValue(), path, out, depth);
      }
    }

    private static void descend(JsonNode declared, List<Object> path, List<Field> out, int depth) {
      if (depth >= 3) {
        return;
      }
      JsonNode schema = Schemas.nonNull(declared);
      String type = Schemas.type(schema);
      if ("object".equals(type)) {
        collect(schema, path, out, depth + 1);
      } else if ("array".equals(type) && schema.has("items") && Schemas.type(schema.get("items")) != null) {
        List<Object> first = new ArrayList<>(path);
        first.add(0);
        JsonNode items = schema.get("items");
        if (!"object".equals(Schemas.type(items))) {
          out.add(new Field(first, items));
        }
        descend(items, first, out, depth + 1);
      }
    }
  }

  private ApiDocuments() {}

  /**
   * The AI service's operations first: résumé text sends analyses to the AI service in the background, and run
   * first they would fill its inference queue while its own operations are attacked.
   */
  static List<Operation> load() {
    List<Operation> out = new ArrayList<>();
    for (String service : List.of("ai", "user", "resume")) {
      out.addAll(operations(service, read(DOCUMENTS.get(service))));
    }
    return out;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = ApiDocuments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Operation> operations(String service, JsonNode doc) {
    JsonNode root = resolve(doc, doc, 0);
    boolean securedByDefault = root.path("security").size() > 0;
    List<Operation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode list : new JsonNode[] {path.getValue().path("parameters"), op.path("parameters")}) {
          for (JsonNode p : list) {
            parameters.put(p.path("in").asText() + ":" + p.path("name").asText(), new Parameter(p.path("name").asText(),
                p.path("in").asText(), p.path("schema"), p.path("required").asBoolean(false)));
          }
        }
        JsonNode content = op.path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema");
        // a body that is one of several objects ({title, content} or {title, jsonResume}): the first is attacked
        if (json.path("oneOf").isArray() && json.path("oneOf").size() > 0 && !json.has("properties")) {
          json = json.path("oneOf").get(0);
        }
        boolean secured = op.has("security") ? op.get("security").size() > 0 : securedByDefault;
        out.add(new Operation(service, method.toUpperCase(Locale.ROOT), path.getKey(),
            List.copyOf(parameters.values()), json.isMissingNode() ? null : json,
            content.has("multipart/form-data"), secured, success(op)));
      }
    }
    return out;
  }

  private static JsonNode success(JsonNode op) {
    for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
      Map.Entry<String, JsonNode> response = r.next();
      JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
      if (response.getKey().startsWith("2") && !schema.isMissingNode()) {
        return schema;
      }
    }
    return null;
  }

  /** The shared components the services' documents refer to as {@code components.yaml#/…}. */
  private static final String SHARED = "components.yaml";

  /**
   * A copy of {@code node} with every {@code $ref} replaced by what it names: local ones in {@code doc}, and those
   * into the shared components, which sit beside the services' documents on the classpath.
   */
  private static JsonNode resolve(JsonNode doc, JsonNode node, int depth) {
    if (depth > 32) {
      throw new IllegalStateException("$ref nesting too deep (a cycle?)");
    }
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (ref.startsWith(SHARED + "#/")) {
        JsonNode shared = read("openapi/" + SHARED);
        return resolve(shared, shared.at(ref.substring(SHARED.length() + 1)), depth + 1);
      }
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local and " + SHARED + " $refs are supported: " + ref);
      }
      return resolve(doc, doc.at(ref.substring(1)), depth + 1);
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(doc, e.getValue(), depth + 1)));
      return copy;
    }
    if (node.isArray()) {
      var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
      node.forEach(item -> copy.add(resolve(doc, item, depth + 1)));
      return copy;
    }
    return node;
  }

  /** What the campaign reads from a schema. */
  static final class Schemas {

    private Schemas() {}

    /**
     * The one alternative of a schema that is that alternative or {@code null} ({@code anyOf: [{$ref: …},
     * {type: 'null'}]}, how the documents make a referenced schema nullable); the schema itself otherwise.
     */
    static JsonNode nonNull(JsonNode schema) {
      if (schema == null) {
        return null;
      }
      for (String keyword : List.of("anyOf", "oneOf")) {
        JsonNode alternatives = schema.get(keyword);
        if (alternatives == null || !alternatives.isArray()) {
          continue;
        }
        List<JsonNode> others = new ArrayList<>();
        alternatives.forEach(a -> {
          if (!"null".equals(a.path("type").asText())) {
            others.add(a);
          }
        });
        if (others.size() == 1 && alternatives.size() == 2) {
          return others.get(0);
        }
      }
      return schema;
    }

    /** The JSON type, the non-null one of a nullable type, {@code string} for an untyped enum; null if none. */
    static String type(JsonNode declared) {
      JsonNode schema = nonNull(declared);
      if (schema == null) {
        return null;
      }
      JsonNode type = schema.get("type");
      if (type != null && type.isTextual()) {
        return type.asText();
      }
      if (type != null && type.isArray()) {
        for (JsonNode t : type) {
          if (!"null".equals(t.asText())) {
            return t.asText();
          }
        }
      }
      if (schema.has("enum")) {
        return "string";
      }
      if (schema.has("properties")) {
        return "object";
      }
      return schema.has("items") ? "array" : null;
    }

    static Map<String, JsonNode> properties(JsonNode declared) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      JsonNode schema = nonNull(declared);
      if (schema != null) {
        schema.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
      }
      return out;
    }

    static Long number(JsonNode declared, String keyword) {
      JsonNode schema = nonNull(declared);
      return schema != null && schema.has(keyword) ? schema.get(keyword).asLong() : null;
    }

    static List<String> enumValues(JsonNode declared) {
      JsonNode schema = nonNull(declared);
      List<String> out = new ArrayList<>();
      if (schema != null) {
        schema.path("enum").forEach(v -> {
          if (!v.isNull()) {
            out.add(v.asText());
          }
        });
      }
      return out;
    }

    static String format(JsonNode declared) {
      JsonNode schema = nonNull(declared);
      return schema == null ? null : schema.path("format").asText(null);
    }
  }
}
