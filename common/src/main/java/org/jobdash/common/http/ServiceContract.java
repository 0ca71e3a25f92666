package org.jobdash.common.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A service's OpenAPI document (a classpath resource beside the shared {@code openapi/components.yaml}) as
 * vertx-openapi 5.0.7 reads it. The library's quirks are met here, once for the three services: the YAML is read
 * with YAML 1.2 core semantics, as the linters read it (only {@code true}/{@code false} are booleans, no
 * timestamps); {@code application/problem+json} goes under a JSON alias the library accepts
 * ({@link #PROBLEM_JSON_ALIAS}) and other media types it refuses are left out; servers are dropped (it refuses a
 * relative URL); and {@code components.yaml} is given as the additional file the document refers to, under an
 * absolute URI, the only way vertx-json-schema finds another file's schemas.
 */
public final class ServiceContract {

  public static final String COMPONENTS = "openapi/components.yaml";
  public static final String PROBLEM_JSON = "application/problem+json";
  /** What {@link #PROBLEM_JSON} is called in the library's view of a document. */
  public static final String PROBLEM_JSON_ALIAS = "application/vnd.jobdash.problem+json";
  /** How the documents name the shared components: a path relative to themselves. */
  private static final String COMPONENTS_REF = "components.yaml#";
  private static final String COMPONENTS_URI = "https://jobdash.dev/openapi/components.yaml";

  private final String resource;
  private final JsonObject document;
  private final OpenAPIContract openApi;

  private ServiceContract(String resource, JsonObject document, OpenAPIContract openApi) {
    this.resource = resource;
    this.document = document;
    this.openApi = openApi;
  }

  /**
   * Reads {@code resource} and the shared components and builds the library's contract, all off the event loops:
   * vertx-openapi validates a document against the OpenAPI schema and dereferences it in callbacks of the context
   * that asks, which on a cold JVM holds a thread for seconds. So a worker verticle asks, and is undeployed after.
   */
  public static Future<ServiceContract> load(Vertx vertx, String resource) {
    Loader loader = new Loader(resource);
    return vertx.deployVerticle(loader, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(id -> vertx.undeploy(id).map(v -> loader.loaded));
  }

  /** Builds one contract on its worker context. */
  private static final class Loader extends VerticleBase {
    private final String resource;
    private volatile ServiceContract loaded;

    Loader(String resource) {
      this.resource = resource;
    }

    @Override
    public Future<?> start() {
      JsonObject document = read(resource);
      return OpenAPIContract.from(vertx, forVertxOpenApi(document),
              Map.of(COMPONENTS_URI, forVertxOpenApi(read(COMPONENTS))))
          .onSuccess(contract -> loaded = new ServiceContract(resource, document, contract));
    }
  }

  /** The classpath resource the document was read from, e.g. {@code openapi/user-service.yaml}. */
  public String resource() {
    return resource;
  }

  /** The document as written (not the library's view). */
  public JsonObject document() {
    return document;
  }

  /** The library's contract: operations by id, and what the request and response validators check against. */
  public OpenAPIContract openApi() {
    return openApi;
  }

  /** The media type a body of type {@code mediaType} has in the library's view, or null if it has none there. */
  public static String validatedMediaType(String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String type = mediaType.strip().toLowerCase(Locale.ROOT);
    if (type.equals(PROBLEM_JSON)) {
      return PROBLEM_JSON_ALIAS;
    }
    return MediaType.isMediaTypeSupported(type) ? type : null;
  }

  /** A classpath YAML document as JSON, with YAML 1.2 core semantics. */
  public static JsonObject read(String resource) {
    try (InputStream in = ServiceContract.class.getClassLoader().getResourceAsStream(resource)) {
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
        if (item.getValue(method) instanceof JsonObject operation) {
          if (operation.getJsonObject("requestBody") != null) {
            keepSupported(operation.getJsonObject("requestBody").getJsonObject("content"));
          }
          JsonObject responses = operation.getJsonObject("responses", new JsonObject());
          responses.fieldNames().forEach(status -> keepSupported(responses.getJsonObject(status).getJsonObject("content")));
        }
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
        Object value = o.getValue(key);
        if (key.equals("$ref") && value instanceof String ref && ref.startsWith(COMPONENTS_REF)) {
          o.put(key, COMPONENTS_URI + ref.substring(COMPONENTS_REF.length() - 1));
        } else {
          absoluteRefs(value);
        }
      }
    } else if (node instanceof JsonArray a) {
      a.forEach(ServiceContract::absoluteRefs);
    }
    return node;
  }

  private static void keepSupported(JsonObject content) {
    if (content == null) {
      return;
    }
    for (String type : List.copyOf(content.fieldNames())) {
      String validated = validatedMediaType(type);
      if (validated == null) {
        content.remove(type);
      } else if (!validated.equals(type)) {
        content.put(validated, content.remove(type));
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

  /** YAML 1.2 core: only true/false (in three spellings) are booleans; no yes/no/on/off, no timestamps. */
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
