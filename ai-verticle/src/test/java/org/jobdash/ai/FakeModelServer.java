package org.jobdash.ai;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server speaking OpenAI's chat-completions and embeddings JSON and Anthropic's messages JSON. Each
 * path answers from a script of outcomes ({@code ok}, {@code 429}, {@code 500}, {@code timeout},
 * {@code malformed}) and then {@code ok}; it counts the calls and keeps the last request's headers.
 */
final class FakeModelServer implements AutoCloseable {

  static final String OPENAI_TEXT = "REWRITTEN BY OPENAI";
  static final String CLAUDE_TEXT = "REWRITTEN BY CLAUDE";

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Deque<String>> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
  private final HttpServer server;

  FakeModelServer() {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").await();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next outcomes of {@code path}, in order. */
  void script(String path, String... outcomes) {
    scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(outcomes));
  }

  int hits(String path) {
    return hits.computeIfAbsent(path, p -> new AtomicInteger()).get();
  }

  String header(String name) {
    return lastHeaders.get(name.toLowerCase());
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      String path = request.path();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      request.headers().forEach(e -> lastHeaders.put(e.getKey().toLowerCase(), e.getValue()));
      Deque<String> script = scripts.get(path);
      String outcome = script == null || script.isEmpty() ? "ok" : script.poll();
      var response = request.response();
      switch (outcome) {
        case "429" -> response.setStatusCode(429).putHeader("Retry-After", "1")
            .end(new JsonObject().put("error", new JsonObject().put("message", "rate limited")).encode());
        case "500" -> response.setStatusCode(500).end("{\"error\":{\"message\":\"boom\"}}");
        case "timeout" -> { }
        case "malformed" -> response.putHeader("Content-Type", "application/json").end("{\"choices\": [");
        default -> response.putHeader("Content-Type", "application/json").end(answer(path, body.toJsonObject()).encode());
      }
    });
  }

  private static JsonObject answer(String path, JsonObject request) {
    return switch (path) {
      case "/v1/chat/completions" -> new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion")
          .put("model", request.getString("model"))
          .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
              .put("message", new JsonObject().put("role", "assistant").put("content", OPENAI_TEXT + "\nSkills\nGrill"))))
          .put("usage", new JsonObject().put("prompt_tokens", 120).put("completion_tokens", 40).put("total_tokens", 160));
      case "/v1/messages" -> new JsonObject().put("id", "msg_1").put("type", "message").put("role", "assistant")
          .put("model", request.getString("model"))
          .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", CLAUDE_TEXT)))
          .put("usage", new JsonObject().put("input_tokens", 100).put("output_tokens", 30));
      case "/v1/embeddings" -> {
        JsonArray data = new JsonArray();
        JsonArray input = request.getJsonArray("input");
        for (int i = 0; i < input.size(); i++) {
          JsonArray vector = new JsonArray();
          int seed = input.getString(i).hashCode();
          for (int d = 0; d < request.getInteger("dimensions"); d++) {
            vector.add(((seed >>> (d % 31)) & 7) + 1.0 + d % 3);
          }
          data.add(new JsonObject().put("object", "embedding").put("index", i).put("embedding", vector));
        }
        yield new JsonObject().put("object", "list").put("data", data).put("model", request.getString("model"))
            .put("usage", new JsonObject().put("prompt_tokens", 9 * input.size()).put("total_tokens", 9 * input.size()));
      }
      default -> new JsonObject();
    };
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
