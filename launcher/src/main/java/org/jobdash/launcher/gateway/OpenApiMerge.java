package org.jobdash.launcher.gateway;

import org.jobdash.common.http.OpenApiYaml;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one document clients need: the services' documents and the components they share merged into what the
 * gateway serves at {@code /openapi.yaml}. It runs at build time (exec-maven-plugin, {@link #main}), so that a
 * clash fails the build rather than a start, and the client generator reads the same file.
 *
 * <ul>
 *   <li>one server, the gateway itself ({@code url: /});</li>
 *   <li>only the paths the gateway routes to the service whose document names them ({@link GatewayRoutes}); a
 *       service's {@code /health/*} or {@code /metrics} stay out, and a path the gateway would send to another
 *       service is an error;</li>
 *   <li>the shared components ({@code components.yaml}, which the services refer to as
 *       {@code components.yaml#/components/...}) keep their names; a service's own component equal to one already
 *       merged is dropped, one that differs is renamed {@code <Service><Name>} with every reference to it;</li>
 *   <li>tags united, and kept only where an operation uses them; components no path reaches left out;</li>
 *   <li>errors: one path and method or one operationId in two documents, a tag or a security scheme described
 *       two ways, a reference to any other document, a server below the root.</li>
 * </ul>
 */
public final class OpenApiMerge {

  /** Where the services' documents and the shared components sit on the classpath. */
  static final String SHARED_RESOURCE = "openapi/components.yaml";
  static final String MERGED_RESOURCE = "openapi/jobdash.yaml";
  private static final List<String> SHARED_FILE_NAMES = List.of("components.yaml", "./components.yaml");
  private static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples",
      "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  /**
   * One service's document.
   *
   * @param service the gateway's name for it ({@code user}), matched against where the gateway routes each path
   * @param prefix what its clashing component names get ({@code User} → {@code UserProfile})
   */
  public record Part(String service, String prefix, JsonObject document) {}

  /** The merged document, and what the merge did for the build log. */
  public record Result(JsonObject document, List<String> renamed, List<String> deduplicated,
                       List<String> left) {}

  private OpenApiMerge() {}

  static String resourceOf(String service) {
    return "openapi/" + service + "-service.yaml";
  }

  /**
   * @param routedTo the service the gateway sends a path to, or null when it answers the path itself or not at all
   */
  public static Result merge(JsonObject info, JsonObject shared, List<Part> parts, Function<String, String> routedTo) {
    JsonObject components = shared.getJsonObject("components", new JsonObject()).copy();
    requireInternal(components, "components.yaml");
    JsonObject paths = new JsonObject();
    Map<String, JsonObject> tags = new LinkedHashMap<>();
    addTags(tags, shared, "components.yaml");
    Set<String> operationIds = new HashSet<>();
    List<String> renamed = new ArrayList<>();
    List<String> deduplicated = new ArrayList<>();
    List<String> left = new ArrayList<>();
    List<JsonArray> rootSecurities = new ArrayList<>();

    for (Part part : parts) {
      String name = part.service() + " document";
      JsonObject doc = part.document().copy();
      JsonObject routed = routedPaths(doc, part.service(), routedTo, left);
      JsonObject own = doc.getJsonObject("components", new JsonObject());
      dropAliasesOfShared(own);
      // names first: a rename rewrites this document's "#/components/..." references, and only then do its
      // references to the shared document become "#/components/..." too
      rename(doc, own, components, part, renamed);
      for (String section : SECTIONS) {
        JsonObject entries = own.getJsonObject(section, new JsonObject());
        JsonObject known = components.getJsonObject(section, new JsonObject());
        for (String entry : List.copyOf(entries.fieldNames())) {
          if (known.containsKey(entry)) {
            entries.remove(entry);
            deduplicated.add(section + "/" + entry + " (" + part.service() + ")");
          }
        }
      }
      for (String file : SHARED_FILE_NAMES) {
        rewriteRefs(doc, file + "#", "#");
      }
      requireInternal(doc, name);
      for (String section : SECTIONS) {
        JsonObject entries = own.getJsonObject(section);
        if (entries != null && !entries.isEmpty()) {
          JsonObject target = components.getJsonObject(section);
          if (target == null) {
            components.put(section, target = new JsonObject());
          }
          target.mergeIn(entries);
        }
      }
      for (String path : routed.fieldNames()) {
        JsonObject item = routed.getJsonObject(path);
        JsonObject target = paths.getJsonObject(path);
        if (target == null) {
          paths.put(path, item);
        } else {
          for (String key : item.fieldNames()) {
            if (target.containsKey(key)) {
              throw new IllegalStateException(path + " " + key + " is in two documents (the " + name + " too)");
            }
            target.put(key, item.getValue(key));
          }
        }
        for (JsonObject operation : operations(item)) {
          String id = operation.getString("operationId");
          if (id != null && !operationIds.add(id)) {
            throw new IllegalStateException("operationId " + id + " is used twice (the " + name + " too)");
          }
        }
      }
      addTags(tags, doc, name);
      rootSecurities.add(doc.getJsonArray("security"));
    }

    JsonObject merged = new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", info)
        .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
            .put("description", "this gateway, the one base URL of every service")));
    JsonArray security = rootSecurities.isEmpty() ? null : rootSecurities.get(0);
    if (rootSecurities.stream().allMatch(s -> s == null ? security == null : s.equals(security))) {
      if (security != null) {
        merged.put("security", security);
      }
    } else {
      pushDownSecurity(paths, parts, rootSecurities);
    }
    merged.put("tags", usedTags(tags, paths));
    merged.put("paths", paths);
    left.addAll(keepReachable(components, paths, merged.getJsonArray("security")));
    merged.put("components", components);
    return new Result(merged, renamed, deduplicated, left);
  }

  /**
   * Renames each of the document's components whose name is merged already with another meaning, until none is
   * left: a rename changes the references to it, which can make a component that referred to it differ in turn.
   * What is left under a merged name is the same as the merged one.
   */
  private static void rename(JsonObject doc, JsonObject own, JsonObject components, Part part, List<String> renamed) {
    boolean again = true;
    while (again) {
      again = false;
      for (String section : SECTIONS) {
        JsonObject entries = own.getJsonObject(section, new JsonObject());
        JsonObject known = components.getJsonObject(section, new JsonObject());
        for (String entry : List.copyOf(entries.fieldNames())) {
          Object existing = known.getValue(entry);
          if (existing == null || existing.equals(internalised(entries.getValue(entry)))) {
            continue;
          }
          if (section.equals("securitySchemes")) {
            // operations name their scheme, so it cannot be renamed: the same one worded differently is kept
            // as merged first; a different one is a clash
            if (asSent(existing).equals(asSent(entries.getValue(entry)))) {
              continue;
            }
            throw new IllegalStateException("security scheme " + entry + " of the " + part.service()
                + " document differs from one merged before");
          }
          String newName = part.prefix() + entry;
          if (entries.containsKey(newName) || known.containsKey(newName)) {
            throw new IllegalStateException("cannot rename " + section + "/" + entry + " of the " + part.service()
                + " document to " + newName + ": the name is taken");
          }
          entries.put(newName, entries.remove(entry));
          rewriteRefs(doc, "#/components/" + section + "/" + entry, "#/components/" + section + "/" + newName);
          renamed.add(section + "/" + entry + " → " + newName + " (" + part.service() + ")");
          again = true;
        }
      }
    }
  }

  /**
   * What a security scheme asks a client to send, without what only documents it ({@code description},
   * {@code bearerFormat}, which OpenAPI calls a hint "primarily for documentation purposes", and extensions).
   */
  private static JsonObject asSent(Object scheme) {
    JsonObject sent = ((JsonObject) scheme).copy();
    for (String key : List.copyOf(sent.fieldNames())) {
      if (key.equals("description") || key.equals("bearerFormat") || key.startsWith("x-")) {
        sent.remove(key);
      }
    }
    return sent;
  }

  /** The document's paths the gateway routes to {@code service}; the others are noted in {@code left}. */
  private static JsonObject routedPaths(JsonObject doc, String service, Function<String, String> routedTo,
                                        List<String> left) {
    JsonObject kept = new JsonObject();
    JsonObject paths = doc.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      String destination = routedTo.apply(path);
      if (destination == null) {
        left.add(path + " (" + service + ", not routed by the gateway)");
        continue;
      }
      if (!destination.equals(service)) {
        throw new IllegalStateException("the " + service + " document has " + path + ", which the gateway routes to "
            + "the " + destination + " service");
      }
      if (item.containsKey("servers") || operations(item).stream().anyMatch(o -> o.containsKey("servers"))) {
        throw new IllegalStateException(path + " in the " + service + " document names servers of its own: the "
            + "gateway is the only server of the merged document");
      }
      kept.put(path, item);
    }
    return kept;
  }

  /** {@code Name: {$ref: components.yaml#/components/<section>/Name}} says "the shared one": it is not a clash. */
  private static void dropAliasesOfShared(JsonObject components) {
    for (String section : SECTIONS) {
      JsonObject entries = components.getJsonObject(section, new JsonObject());
      for (String entry : List.copyOf(entries.fieldNames())) {
        if (entries.getValue(entry) instanceof JsonObject value && value.size() == 1
            && SHARED_FILE_NAMES.stream().anyMatch(file ->
                (file + "#/components/" + section + "/" + entry).equals(value.getValue("$ref")))) {
          entries.remove(entry);
        }
      }
    }
  }

  /** A copy of {@code value} with its references to the shared document made internal, to compare with it. */
  private static Object internalised(Object value) {
    Object copy = value instanceof JsonObject o ? o.copy() : value instanceof JsonArray a ? a.copy() : value;
    for (String file : SHARED_FILE_NAMES) {
      rewriteRefs(copy, file + "#", "#");
    }
    return copy;
  }

  private static void requireInternal(Object node, String where) {
    if (node instanceof JsonObject o) {
      if (o.getValue("$ref") instanceof String ref && !ref.startsWith("#")) {
        throw new IllegalStateException("the " + where + " refers to " + ref + ": only components.yaml#/... can be "
            + "merged");
      }
      o.forEach(e -> requireInternal(e.getValue(), where));
    } else if (node instanceof JsonArray a) {
      a.forEach(v -> requireInternal(v, where));
    }
  }

  private static List<JsonObject> operations(JsonObject pathItem) {
    List<JsonObject> operations = new ArrayList<>();
    for (String key : pathItem.fieldNames()) {
      if (METHODS.contains(key) && pathItem.getValue(key) instanceof JsonObject operation) {
        operations.add(operation);
      }
    }
    return operations;
  }

  private static void addTags(Map<String, JsonObject> tags, JsonObject doc, String where) {
    for (Object t : doc.getJsonArray("tags", new JsonArray())) {
      JsonObject tag = (JsonObject) t;
      JsonObject known = tags.putIfAbsent(tag.getString("name"), tag);
      if (known != null && !known.equals(tag)) {
        throw new IllegalStateException("tag " + tag.getString("name") + " is described differently in the " + where);
      }
    }
  }

  private static JsonArray usedTags(Map<String, JsonObject> tags, JsonObject paths) {
    Set<String> used = new HashSet<>();
    for (String path : paths.fieldNames()) {
      for (JsonObject operation : operations(paths.getJsonObject(path))) {
        operation.getJsonArray("tags", new JsonArray()).forEach(t -> used.add(String.valueOf(t)));
      }
    }
    JsonArray kept = new JsonArray();
    tags.forEach((name, tag) -> {
      if (used.contains(name)) {
        kept.add(tag);
      }
    });
    return kept;
  }

  /** When the documents' root security differs, each operation states its own document's default. */
  private static void pushDownSecurity(JsonObject paths, List<Part> parts, List<JsonArray> rootSecurities) {
    for (int i = 0; i < parts.size(); i++) {
      JsonArray security = rootSecurities.get(i);
      JsonObject theirs = parts.get(i).document().getJsonObject("paths", new JsonObject());
      for (String path : theirs.fieldNames()) {
        JsonObject item = paths.getJsonObject(path);
        if (item == null) {
          continue;
        }
        for (String method : theirs.getJsonObject(path).fieldNames()) {
          if (METHODS.contains(method) && !item.getJsonObject(method).containsKey("security")) {
            item.getJsonObject(method).put("security", security == null ? new JsonArray() : security.copy());
          }
        }
      }
    }
  }

  /**
   * Removes the components that neither a path nor the root security reaches, directly or through other
   * components (the shared document's vocabulary a service does not route, a service's health answers ...).
   */
  private static List<String> keepReachable(JsonObject components, JsonObject paths, JsonArray rootSecurity) {
    Set<String> reached = new HashSet<>();
    Deque<Object> todo = new ArrayDeque<>();
    todo.add(paths);
    if (rootSecurity != null) {
      todo.add(new JsonObject().put("security", rootSecurity));
    }
    while (!todo.isEmpty()) {
      Object node = todo.pop();
      if (node instanceof JsonObject o) {
        if (o.getValue("$ref") instanceof String ref && ref.startsWith("#/components/")) {
          String[] at = ref.substring("#/components/".length()).split("/", 3);
          if (at.length >= 2 && reached.add(at[0] + "/" + at[1])) {
            Object target = components.getJsonObject(at[0], new JsonObject()).getValue(at[1]);
            if (target == null) {
              throw new IllegalStateException("nothing at " + ref);
            }
            todo.add(target);
          }
        }
        if (o.getValue("security") instanceof JsonArray requirements) {
          for (Object requirement : requirements) {
            for (String scheme : ((JsonObject) requirement).fieldNames()) {
              if (reached.add("securitySchemes/" + scheme)
                  && !components.getJsonObject("securitySchemes", new JsonObject()).containsKey(scheme)) {
                throw new IllegalStateException("security scheme " + scheme + " is not defined");
              }
            }
          }
        }
        o.forEach(e -> {
          if (e.getValue() != null) {
            todo.add(e.getValue());
          }
        });
      } else if (node instanceof JsonArray a) {
        a.forEach(v -> {
          if (v != null) {
            todo.add(v);
          }
        });
      }
    }
    List<String> left = new ArrayList<>();
    for (String section : List.copyOf(components.fieldNames())) {
      JsonObject entries = components.getJsonObject(section);
      for (String entry : List.copyOf(entries.fieldNames())) {
        if (!reached.contains(section + "/" + entry)) {
          entries.remove(entry);
          left.add("components/" + section + "/" + entry + " (no path uses it)");
        }
      }
      if (entries.isEmpty()) {
        components.remove(section);
      }
    }
    return left;
  }

  /** Rewrites "$ref" values equal to {@code from} or under it ({@code from + "/..."}) anywhere in {@code node}. */
  static void rewriteRefs(Object node, String from, String to) {
    if (node instanceof JsonObject o) {
      if (o.getValue("$ref") instanceof String ref && (ref.equals(from) || ref.startsWith(from + "/")
          || from.endsWith("#") && ref.startsWith(from))) {
        o.put("$ref", to + ref.substring(from.length()));
      }
      o.forEach(e -> rewriteRefs(e.getValue(), from, to));
    } else if (node instanceof JsonArray a) {
      a.forEach(v -> rewriteRefs(v, from, to));
    }
  }

  /**
   * Build-time entry point: {@code OpenApiMerge <out.yaml> <version>} merges the services' documents found on
   * the classpath, writes the result and prints what it renamed, deduplicated and left out.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: OpenApiMerge <out.yaml> <version>");
    }
    JsonObject shared = OpenApiYaml.parse(resource(SHARED_RESOURCE));
    List<Part> parts = new ArrayList<>();
    for (String service : GatewayRoutes.SERVICES) {
      parts.add(new Part(service, Character.toUpperCase(service.charAt(0)) + service.substring(1),
          OpenApiYaml.parse(resource(resourceOf(service)))));
    }
    JsonObject sharedInfo = shared.getJsonObject("info", new JsonObject());
    JsonObject info = new JsonObject()
        .put("title", "Job Dashboard API")
        .put("version", args[1])
        .put("description", "Every service's API through the gateway, the one base URL clients need: accounts and "
            + "sessions, résumés and their versions, and the AI's matching and analysis.")
        .put("contact", sharedInfo.getValue("contact"))
        .put("license", sharedInfo.getValue("license"));
    GatewayRoutes routes = new GatewayRoutes(0, 0, 0);
    Result result = merge(info, shared, parts, path -> {
      GatewayRoutes.Destination destination = routes.of(GatewayPath.of(path));
      return destination == null ? null : destination.service();
    });
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, OpenApiYaml.write(result.document()), StandardCharsets.UTF_8);
    System.out.println("[openapi-merge] " + out + ": " + result.document().getJsonObject("paths").size()
        + " paths; renamed " + result.renamed() + "; deduplicated " + result.deduplicated() + "; left out "
        + result.left());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OpenApiMerge.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
