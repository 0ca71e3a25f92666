package org.jobdash.ai.eval;

import io.vertx.core.Vertx;
import org.jobdash.ai.model.MiniLm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The in-process model's vectors, each text embedded once per run. */
final class Embeddings {

  private final Map<String, float[]> cache = new HashMap<>();

  /** Loads the model (on a worker of a Vert.x made for it) and waits. */
  static Embeddings load() {
    Vertx vertx = Vertx.vertx();
    try {
      MiniLm.load(vertx).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the embedding model did not load", e);
    } finally {
      vertx.close();
    }
    return new Embeddings();
  }

  synchronized List<float[]> of(List<String> texts) {
    List<String> todo = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
    List<MiniLm.Embedded> made = MiniLm.loaded().embedAll(todo);
    for (int i = 0; i < todo.size(); i++) {
      cache.put(todo.get(i), made.get(i).vector());
    }
    List<float[]> out = new ArrayList<>(texts.size());
    texts.forEach(t -> out.add(cache.get(t)));
    return out;
  }

  float[] of(String text) {
    return of(List.of(text)).get(0);
  }
}
