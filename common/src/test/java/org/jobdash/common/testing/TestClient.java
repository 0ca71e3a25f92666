package org.jobdash.common.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A blocking HTTP client for tests (called from the JUnit thread, never an event loop): real requests over
 * loopback with the Vert.x WebClient, answers kept whole for assertions.
 */
public final class TestClient {

  /** A whole answer. */
  public record Response(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body == null || body.length() == 0 ? null : body.toJsonObject();
    }

    public JsonArray jsonArray() {
      return body.toJsonArray();
    }

    public String header(String name) {
      return headers.get(name);
    }

    public String text() {
      return body == null ? "" : body.toString();
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  private final WebClient client;
  private final int port;

  public TestClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true));
    this.port = port;
  }

  public int port() {
    return port;
  }

  public WebClient webClient() {
    return client;
  }

  public Response get(String path, String token) {
    return send(HttpMethod.GET, path, token, null, Map.of());
  }

  public Response delete(String path, String token) {
    return send(HttpMethod.DELETE, path, token, null, Map.of());
  }

  public Response post(String path, Object body, String token) {
    return send(HttpMethod.POST, path, token, body, Map.of());
  }

  public Response put(String path, Object body, String token) {
    return send(HttpMethod.PUT, path, token, body, Map.of());
  }

  public Response patch(String path, Object body, String token) {
    return send(HttpMethod.PATCH, path, token, body, Map.of());
  }

  /** {@code body} is a JsonObject/JsonArray (sent as JSON), a Buffer or String (sent as is), or null. */
  public Response send(HttpMethod method, String path, String token, Object body, Map<String, String> headers) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    headers.forEach(request::putHeader);
    io.vertx.core.Future<io.vertx.ext.web.client.HttpResponse<Buffer>> future;
    if (body == null) {
      future = request.send();
    } else if (body instanceof JsonObject o) {
      future = request.sendJsonObject(o);
    } else if (body instanceof JsonArray a) {
      future = request.sendJson(a);
    } else if (body instanceof Buffer b) {
      future = request.sendBuffer(b);
    } else if (body instanceof String s) {
      future = request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(s));
    } else {
      throw new IllegalArgumentException("unsupported body " + body.getClass());
    }
    var response = future.await();
    return new Response(response.statusCode(), response.headers(), response.body());
  }

  /** A port that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
