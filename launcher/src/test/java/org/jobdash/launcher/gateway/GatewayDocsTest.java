package org.jobdash.launcher.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.RawHttp;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own documentation over real HTTP: {@code /openapi.yaml} is the services' documents merged (one
 * server, the paths it routes), {@code /docs} is Swagger UI from the webjar pointed at it, and the backends' own
 * documents and metrics stay out of reach. The backends are a stub that records what reaches it and answers
 * {@code /openapi.yaml} and {@code /metrics} as a service would.
 */
@ExtendWith(BlockedThreadGuard.class)
class GatewayDocsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  private static final String BACKEND_DOCUMENT = "openapi: 3.1.0\ninfo: {title: a backend's own document}\n";

  static Vertx vertx;
  static int gateway;
  static WebClient web;
  static final LinkedBlockingQueue<String> reached = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    int stubPort = TestClient.freePort();
    HttpServer stub = vertx.createHttpServer().requestHandler(request -> {
      reached.add(request.method() + " " + request.uri());
      switch (request.path()) {
        case "/openapi.yaml" -> request.response().putHeader("Content-Type", "application/yaml").end(BACKEND_DOCUMENT);
        case "/metrics" -> request.response().end("# HELP a backend's metrics\n");
        default -> request.response().end("stub saw " + request.path());
      }
    });
    stub.listen(stubPort, "127.0.0.1").await();
    gateway = TestClient.freePort();
    JsonObject config = ConfigLoader.resource("jobdash-defaults.json").getJsonObject("gateway").copy();
    config.getJsonObject("http").put("host", "127.0.0.1").put("port", gateway);
    for (String service : GatewayRoutes.SERVICES) {
      config.getJsonObject("routes").put(service, "http://127.0.0.1:" + stubPort);
    }
    vertx.deployVerticle(GatewayVerticle::new, new DeploymentOptions().setConfig(config)).await();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void forgetWhatReachedTheStub() {
    reached.clear();
  }

  @Test
  void openapiYamlIsTheBuildsMergedDocumentWithTheGatewayAsItsOneServerAndExactlyThePathsItRoutes()
      throws Exception {
    HttpResponse<Buffer> served = get("/openapi.yaml");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.getHeader("Content-Type")).startsWith("application/yaml");
    // byte for byte the file the build wrote, which CI lints (tools/openapi-lint)
    assertThat(served.body().getBytes()).isEqualTo(resource(OpenApiMerge.MERGED_RESOURCE));

    JsonNode merged = YAML.readTree(served.bodyAsString());
    assertThat(merged.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(merged.path("info").path("title").asText()).isNotBlank();
    assertThat(merged.path("servers")).hasSize(1);
    assertThat(merged.path("servers").get(0).path("url").asText()).isEqualTo("/");

    GatewayRoutes routes = new GatewayRoutes(0, 0, 0);
    Set<String> expected = new TreeSet<>();
    Set<String> notRouted = new TreeSet<>();
    for (String service : GatewayRoutes.SERVICES) {
      JsonNode own = YAML.readTree(resource(OpenApiMerge.resourceOf(service)));
      for (Iterator<Map.Entry<String, JsonNode>> it = own.path("paths").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        GatewayRoutes.Destination destination = routes.of(GatewayPath.of(path.getKey()));
        if (destination == null) {
          notRouted.add(path.getKey());
          continue;
        }
        assertThat(destination.service()).as(path.getKey()).isEqualTo(service);
        for (String method : methods(path.getValue())) {
          expected.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    Set<String> operations = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = merged.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : methods(path.getValue())) {
        operations.add(method.toUpperCase() + " " + path.getKey());
      }
    }
    assertThat(operations).as("the services' operations the gateway routes, no more, no fewer")
        .isEqualTo(expected);
    assertThat(notRouted).as("the services' own, which the gateway does not pass on")
        .contains("/health/live", "/health/ready");
    assertThat(merged.path("paths").has("/metrics")).isFalse();
    assertThat(merged.path("paths").has("/openapi.yaml")).isFalse();
    for (Map.Entry<String, String> prefix : GatewayRoutes.PREFIXES) {
      assertThat(operations).as(prefix.getKey()).anyMatch(o -> o.contains(" " + prefix.getKey() + "/")
          || o.endsWith(" " + prefix.getKey()));
    }
    assertThat(operations).contains("GET " + GatewayRoutes.JWKS);

    List<String> refs = new ArrayList<>();
    collectRefs(merged, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).as("a reference inside the one document").startsWith("#/components/");
      assertThat(merged.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
    });
    assertThat(reached).as("nothing of this reached a backend").isEmpty();
  }

  @Test
  void docsIsSwaggerUiFromTheWebjarWithOurInitializerAndNothingFromElsewhere() throws Exception {
    RawHttp.Response redirect = RawHttp.get(gateway, "/docs");
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).isEqualTo("/docs/");

    HttpResponse<Buffer> index = get("/docs/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.getHeader("Content-Type")).startsWith("text/html");
    // the page runs its own scripts (and only those): not the API answers' "default-src 'none'"
    assertThat(index.getHeader("Content-Security-Policy")).startsWith("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(index.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(get("/health/live").getHeader("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    String html = index.bodyAsString();
    assertThat(html).contains("swagger-initializer.js").contains("swagger-ui-bundle.js")
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");

    String webjar = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    Matcher links = Pattern.compile("(?:href|src)=\"(?:\\./)?([^\"]+)\"").matcher(html);
    List<String> assets = new ArrayList<>();
    while (links.find()) {
      assets.add(links.group(1));
    }
    assertThat(assets).contains("swagger-ui.css", "index.css", "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js", "swagger-initializer.js");
    for (String asset : assets) {
      HttpResponse<Buffer> r = get("/docs/" + asset);
      assertThat(r.statusCode()).as(asset).isEqualTo(200);
      if (!asset.equals("swagger-initializer.js")) {
        assertThat(r.body().getBytes()).as(asset + " as the webjar has it").isEqualTo(resource(webjar + asset));
      }
    }
    assertThat(get("/docs/swagger-ui-bundle.js").getHeader("Content-Type")).contains("javascript");

    HttpResponse<Buffer> initializer = get("/docs/swagger-initializer.js");
    assertThat(initializer.getHeader("Content-Type")).startsWith("text/javascript");
    assertThat(initializer.bodyAsString())
        .contains("url: \"/openapi.yaml\"")
        .contains("validatorUrl: 'none'")
        .doesNotContain("petstore").doesNotContain("http://").doesNotContain("https://");
    assertThat(new String(resource(webjar + "swagger-initializer.js"))).as("the webjar's own, which we replace")
        .contains("petstore");

    RawHttp.Response missing = RawHttp.get(gateway, "/docs/no-such-asset.js");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reached).isEmpty();
  }

  @Test
  void theBackendsOwnDocumentsAndMetricsAreStillOutOfReachInEveryForm() {
    assertThat(RawHttp.get(gateway, "/openapi.yaml").body()).doesNotContain("a backend's own document");
    for (String notThere : new String[] {"/metrics", "/.well-known/openapi.yaml", "/api/openapi.yaml",
        "/docs/openapi.yaml", "/docs/metrics"}) {
      RawHttp.Response r = RawHttp.get(gateway, notThere);
      assertThat(r.status()).as(notThere).isEqualTo(404);
      assertThat(r.body()).as(notThere).doesNotContain("a backend's own").doesNotContain("stub saw");
    }
    for (String traversal : new String[] {
        "/docs/../openapi.yaml",
        "/docs/../metrics",
        "/docs/..%2fopenapi.yaml",
        "/docs/%2e%2e/%2e%2e/META-INF/maven/org.webjars/swagger-ui/pom.properties",
        "/docs/..\\..\\jobdash-defaults.json",
        "/api/v1/users/../../../openapi.yaml",
        "/api/v1/resumes/%2e%2e/%2e%2e/%2e%2e/openapi.yaml",
        "/api/v1/ai/..%2f..%2f..%2fmetrics",
        "/openapi.yaml/..%2f%2e%2e"}) {
      RawHttp.Response r = RawHttp.get(gateway, traversal);
      assertThat(r.status()).as(traversal).isEqualTo(400);
      assertThat(r.header("Content-Type")).as(traversal).isEqualTo("application/problem+json");
    }
    assertThat(reached).as("requests that reached a backend").isEmpty();
    // the API itself is still passed on
    assertThat(RawHttp.get(gateway, "/api/v1/resumes/42").body()).isEqualTo("stub saw /api/v1/resumes/42");
  }

  private static HttpResponse<Buffer> get(String path) {
    return web.get(gateway, "127.0.0.1", path).followRedirects(false).send().await();
  }

  private static List<String> methods(JsonNode pathItem) {
    List<String> methods = new ArrayList<>();
    pathItem.fieldNames().forEachRemaining(key -> {
      if (METHODS.contains(key)) {
        methods.add(key);
      }
    });
    return methods;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static String webjarVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = new java.io.ByteArrayInputStream(
        resource("META-INF/maven/org.webjars/swagger-ui/pom.properties"))) {
      p.load(in);
    }
    return p.getProperty("version");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = GatewayDocsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
