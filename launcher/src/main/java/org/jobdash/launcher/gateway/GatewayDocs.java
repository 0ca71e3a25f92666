package org.jobdash.launcher.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import org.jobdash.common.http.SecurityHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The gateway's own documentation: the merged contract at {@code GET /openapi.yaml} (the file {@link OpenApiMerge}
 * wrote into the jar at build time) and Swagger UI at {@code GET /docs}, every asset from the
 * {@code org.webjars:swagger-ui} jar, pointed at that document. Nothing comes from a CDN and the page calls nothing
 * outside the gateway (no online validator).
 */
final class GatewayDocs {

  static final String DOCUMENT_PATH = "/openapi.yaml";
  static final String UI_PATH = "/docs";
  private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final Buffer document;
  private final String webjarRoot;
  private final Buffer initializer;

  private GatewayDocs(Buffer document, String webjarVersion) {
    this.document = document;
    this.webjarRoot = "META-INF/resources/webjars/swagger-ui/" + webjarVersion;
    // replaces the webjar's own, which loads the petstore from the internet; the page's other links are relative
    this.initializer = Buffer.buffer("""
        window.onload = function () {
          window.ui = SwaggerUIBundle({
            url: %s,
            dom_id: '#swagger-ui',
            deepLinking: true,
            validatorUrl: 'none',
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            plugins: [SwaggerUIBundle.plugins.DownloadUrl],
            layout: 'StandaloneLayout'
          });
        };
        """.formatted(Json.encode(DOCUMENT_PATH)));
  }

  /**
   * Reads the document and the webjar's version (so an upgrade of the webjar needs no code change) through
   * Vert.x's file system, which finds classpath resources off the event loop.
   */
  static Future<GatewayDocs> load(Vertx vertx) {
    Future<Buffer> document = vertx.fileSystem().readFile(OpenApiMerge.MERGED_RESOURCE)
        .recover(e -> Future.failedFuture(new IllegalStateException(OpenApiMerge.MERGED_RESOURCE
            + " is not on the classpath: the build's merge step writes it", e)));
    Future<Buffer> webjar = vertx.fileSystem().readFile(WEBJAR_PROPERTIES)
        .recover(e -> Future.failedFuture(new IllegalStateException("org.webjars:swagger-ui is not on the classpath",
            e)));
    return Future.all(document, webjar).map(both -> new GatewayDocs(document.result(),
        version(webjar.result().toString())));
  }

  private static String version(String properties) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(properties));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(WEBJAR_PROPERTIES + " names no version");
    }
    return version;
  }

  /** Swagger UI's own scripts, styles and inline SVG images, and the document from this origin; nothing else. */
  static final String UI_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  void mount(Router router) {
    router.get(UI_PATH + "*").handler(SecurityHeaders.page(UI_POLICY));
    router.get(DOCUMENT_PATH).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(document));
    // "/docs" and "/docs/" match one route: only the former is sent on, since the page's links are relative
    router.get(UI_PATH).handler(GatewayDocs::withSlash);
    router.get(UI_PATH + "/swagger-initializer.js").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/javascript; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(initializer));
    router.get(UI_PATH + "/*").handler(StaticHandler.create(webjarRoot).setIndexPage("index.html"));
  }

  private static void withSlash(RoutingContext ctx) {
    if (ctx.request().path().endsWith("/")) {
      ctx.next();
    } else {
      ctx.redirect(UI_PATH + "/");
    }
  }
}
