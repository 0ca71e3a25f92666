package org.jobdash.resume.contract;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The résumé service's OpenAPI document as vertx-openapi 5.0.7 loads it, following the spike's ContractDocuments:
 * YAML read with YAML 1.2 core semantics (as the linters read it), {@code application/problem+json} under a JSON
 * alias the library accepts, other media types it refuses left out, no servers (it refuses relative URLs), and the
 * shared {@code components.yaml} passed as the additional file the document refers to. Test code until the common
 * contract loader of issue 12 exists; then the tests use that one.
 */
public final class ResumeContract {

  public static final String DOCUMENT = "openapi/resume-service.yaml";
  public static final String COMPONENTS = "openapi/components.yaml";
  /** How the document refers to the shared components: a path relative to itself. */
  static final String COMPONENTS_REF = "components.yaml#";
  /**
   * vertx-json-schema 5.0.7 resolves a {@code $ref} into another file only by the absolute URI it was registered
   * under, so the view names the shared components by one.
   */
  static final String COMPONENTS_URI = "https://jobdash.dev/openapi/components.yaml";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String PROBLEM_JSON_ALIAS = "application/vnd.jobdash.problem+json";

  private ResumeContract() {}

  public static Future<OpenAPIContract> load(Vertx vertx) {
    return OpenAPIContract.from(vertx, forVertxOpenApi(read(DOCUMENT)),
        Map.of(COMPONENTS_URI, forVertxOpenApi(read(COMPONENTS))));
  }

  public static JsonObject read(String classpathResource) {
    try (InputStream in = ResumeContract.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalStateException("no " + classpathResource + " on the classpath");
      }
      Map<Object, Object> yaml = yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (JsonObject) json(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code document} that vertx-openapi 5.0.7 accepts. */
  static JsonObject forVertxOpenApi(JsonObject document) {
    JsonObject copy = (JsonObject) absoluteRefs(document.copy());
    copy.remove("servers");
    JsonObject paths = copy.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject op) {
          if (op.getJsonObject("requestBody") != null) {
            keepSupported(op.getJsonObject("requestBody").getJsonObject("content"));
          }
          JsonObject responses = op.getJsonObject("responses", new JsonObject());
          for (String status : responses.fieldNames()) {
            keepSupported(responses.getJsonObject(status).getJsonObject("content"));
          }
        }
      }
    }
    JsonObject responses = copy.getJsonObject("components", new JsonObject()).getJsonObject("responses",
        new JsonObject());
    for (String name : responses.fieldNames()) {
      keepSupported(responses.getJsonObject(name).getJsonObject("content"));
    }
    return copy;
  }

  private static Object absoluteRefs(Object node) {
    if (node instanceof JsonObject o) {
      for (String key : List.copyOf(o.fieldNames())) {
        Object value = o.getValue(key);
        if (key.equals("$ref") && value instanceof String ref && ref.startsWith(COMPONENTS_REF)) {
          o.put(key, COMPONENTS_URI + ref.substring(COMPONENTS_REF.length() - 1));
        } else {
          absoluteRefs(value);
        }
      }
    } else if (node instanceof JsonArray a) {
      a.forEach(ResumeContract::absoluteRefs);
    }
    return node;
  }

  private static void keepSupported(JsonObject content) {
    if (content == null) {
      return;
    }
    for (String type : List.copyOf(content.fieldNames())) {
      if (type.equalsIgnoreCase(PROBLEM_JSON)) {
        content.put(PROBLEM_JSON_ALIAS, content.remove(type));
      } else if (!MediaType.isMediaTypeSupported(type)) {
        content.remove(type);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object json(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), json(v)));
      return new JsonObject(out);
    }
    if (yaml instanceof List<?> list) {
      JsonArray out = new JsonArray();
      list.forEach(v -> out.add(json(v)));
      return out;
    }
    return yaml;
  }

  private static Yaml yaml() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, new CoreSchema());
  }

  /** YAML 1.2 core schema: only true/false are booleans, no timestamps (so dates stay text). */
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
