package org.jobdash.ai.contract;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The AI service's OpenAPI document as vertx-openapi 5.0.7 loads it (the spike's view): read as YAML 1.2 core, as
 * the linters read it; {@code application/problem+json} under a JSON alias the library accepts and other media types
 * it refuses left out; no servers (it refuses a relative URL); the shared {@code components.yaml} given as the
 * additional file the document refers to. Test code until common has the contract loader of issue 12.
 */
public final class AiContract {

  public static final String DOCUMENT = "openapi/ai-service.yaml";
  public static final String COMPONENTS = "openapi/components.yaml";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String PROBLEM_JSON_ALIAS = "application/vnd.jobdash.problem+json";
  /** How the document names the shared components: a path relative to itself. */
  private static final String COMPONENTS_REF = "components.yaml#";
  /** vertx-json-schema finds another file's schemas only under the absolute URI they were registered with. */
  private static final String COMPONENTS_URI = "https://jobdash.dev/openapi/components.yaml";

  private AiContract() {}

  public static Future<OpenAPIContract> load(Vertx vertx) {
    return OpenAPIContract.from(vertx, forVertxOpenApi(read(DOCUMENT)),
        Map.of(COMPONENTS_URI, forVertxOpenApi(read(COMPONENTS))));
  }

  /** A classpath YAML document as JSON, YAML 1.2 core (only true/false are booleans, no timestamps). */
  public static JsonObject read(String resource) {
    try (InputStream in = AiContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      DumperOptions dumper = new DumperOptions();
      Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new CoreSchema());
      return (JsonObject) json(yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
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
        JsonObject operation = item.getJsonObject(method);
        if (operation.getJsonObject("requestBody") != null) {
          keepSupported(operation.getJsonObject("requestBody").getJsonObject("content"));
        }
        JsonObject responses = operation.getJsonObject("responses", new JsonObject());
        responses.fieldNames().forEach(status -> keepSupported(responses.getJsonObject(status).getJsonObject("content")));
      }
    }
    JsonObject responses = copy.getJsonObject("components", new JsonObject()).getJsonObject("responses",
        new JsonObject());
    responses.fieldNames().forEach(name -> keepSupported(responses.getJsonObject(name).getJsonObject("content")));
    return copy;
  }

  private static Object absoluteRefs(Object node) {
    if (node instanceof JsonObject o) {
      for (String key : List.copyOf(o.fieldNames())) {
        if (key.equals("$ref") && o.getValue(key) instanceof String ref && ref.startsWith(COMPONENTS_REF)) {
          o.put(key, COMPONENTS_URI + ref.substring(COMPONENTS_REF.length() - 1));
        } else {
          absoluteRefs(o.getValue(key));
        }
      }
    } else if (node instanceof JsonArray a) {
      a.forEach(AiContract::absoluteRefs);
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
