package org.jobdash.ai.provider;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.AiConfig;

import java.util.List;
import java.util.Map;

/**
 * Chat with OpenAI (chat-completions, or any server speaking it) or Anthropic (messages), and embeddings with
 * OpenAI's embeddings API asked for 384 dimensions, so that remote vectors fit the same column as local ones.
 */
public final class RemoteChat {

  private final RemoteCaller caller;
  private final AiConfig.Providers providers;

  public RemoteChat(RemoteCaller caller, AiConfig.Providers providers) {
    this.caller = caller;
    this.providers = providers;
  }

  public boolean configured(String provider) {
    return switch (provider) {
      case "openai" -> providers.openai().configured();
      case "anthropic" -> providers.anthropic().configured();
      default -> false;
    };
  }

  /** The model a provider's chat calls use. */
  public String chatModel(String provider) {
    return "anthropic".equals(provider) ? providers.anthropic().chatModel() : providers.openai().chatModel();
  }

  public String embeddingModel() {
    return providers.openai().embeddingModel();
  }

  public Future<ChatReply> chat(String provider, String system, String user) {
    if (!configured(provider)) {
      return Future.failedFuture(new RemoteFailure(provider + " is not configured (no API key)", 0));
    }
    return "anthropic".equals(provider) ? anthropic(system, user) : openai(system, user);
  }

  private Future<ChatReply> openai(String system, String user) {
    AiConfig.Remote remote = providers.openai();
    JsonObject body = new JsonObject()
        .put("model", remote.chatModel())
        .put("temperature", 0.2)
        .put("messages", new JsonArray()
            .add(new JsonObject().put("role", "system").put("content", system))
            .add(new JsonObject().put("role", "user").put("content", user)));
    return caller.post("openai", remote, "/v1/chat/completions",
            Map.of("Authorization", "Bearer " + remote.apiKey()), body)
        .compose(json -> {
          try {
            String text = json.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
            JsonObject usage = json.getJsonObject("usage", new JsonObject());
            return reply(text, usage.getInteger("prompt_tokens", 0), usage.getInteger("completion_tokens", 0));
          } catch (RuntimeException e) {
            return Future.failedFuture(new RemoteFailure("openai answered without choices[0].message.content", 200));
          }
        });
  }

  private Future<ChatReply> anthropic(String system, String user) {
    AiConfig.Remote remote = providers.anthropic();
    JsonObject body = new JsonObject()
        .put("model", remote.chatModel())
        .put("max_tokens", 4096)
        .put("system", system)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", user)));
    return caller.post("anthropic", remote, "/v1/messages",
            Map.of("x-api-key", remote.apiKey(), "anthropic-version", "2023-06-01"), body)
        .compose(json -> {
          try {
            StringBuilder text = new StringBuilder();
            for (Object block : json.getJsonArray("content")) {
              JsonObject b = (JsonObject) block;
              if ("text".equals(b.getString("type"))) {
                text.append(b.getString("text"));
              }
            }
            JsonObject usage = json.getJsonObject("usage", new JsonObject());
            return reply(text.toString(), usage.getInteger("input_tokens", 0), usage.getInteger("output_tokens", 0));
          } catch (RuntimeException e) {
            return Future.failedFuture(new RemoteFailure("anthropic answered without text content blocks", 200));
          }
        });
  }

  private static Future<ChatReply> reply(String text, int in, int out) {
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new RemoteFailure("the model answered with no text", 200));
    }
    return Future.succeededFuture(new ChatReply(text.strip(), in, out));
  }

  /** One vector per text from OpenAI's embeddings API, in input order, and the prompt tokens it counted. */
  public record RemoteVectors(List<float[]> vectors, String model, int tokens) {}

  public Future<RemoteVectors> embed(List<String> texts, int dimensions) {
    AiConfig.Remote remote = providers.openai();
    if (!remote.configured()) {
      return Future.failedFuture(new RemoteFailure("openai is not configured (no API key)", 0));
    }
    JsonObject body = new JsonObject().put("model", remote.embeddingModel()).put("input", new JsonArray(texts))
        .put("dimensions", dimensions).put("encoding_format", "float");
    return caller.post("openai", remote, "/v1/embeddings", Map.of("Authorization", "Bearer " + remote.apiKey()), body)
        .compose(json -> {
          try {
            JsonArray data = json.getJsonArray("data");
            float[][] vectors = new float[texts.size()][];
            for (Object item : data) {
              JsonObject d = (JsonObject) item;
              JsonArray values = d.getJsonArray("embedding");
              float[] v = new float[values.size()];
              for (int i = 0; i < v.length; i++) {
                v[i] = values.getNumber(i).floatValue();
              }
              vectors[d.getInteger("index")] = v;
            }
            for (float[] v : vectors) {
              if (v == null || v.length != dimensions) {
                throw new IllegalStateException("wrong dimension");
              }
            }
            int tokens = json.getJsonObject("usage", new JsonObject()).getInteger("prompt_tokens", 0);
            return Future.succeededFuture(new RemoteVectors(List.of(vectors), json.getString("model",
                remote.embeddingModel()), tokens));
          } catch (RuntimeException e) {
            return Future.failedFuture(new RemoteFailure("openai answered without " + texts.size() + " vectors of "
                + dimensions + " dimensions", 200));
          }
        });
  }
}
