package org.jobdash.load.scenario;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.load.floor.InProcessFloor;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Call;
import org.jobdash.load.http.Conversation;
import org.jobdash.load.system.LoadUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 5. Embedding: {@code POST /api/v1/ai/embeddings} with 16 résumé-like texts per request, against the bare
 * in-process model (the same quantized all-MiniLM-L6-v2) embedding the same 16 texts per task in this JVM on as
 * many threads as the service's inference pool. 8 requests at a time on each side.
 */
public final class TextEmbedding implements Scenario {

  static final int CONNECTIONS = 8;
  static final int BATCH = 16;
  private static final int GROUPS = 8;

  private final List<List<String>> groups = corpus(GROUPS, BATCH, 7);
  private final List<List<TextSegment>> segments = groups.stream()
      .map(g -> g.stream().map(TextSegment::from).toList()).toList();
  private AllMiniLmL6V2QuantizedEmbeddingModel model;

  @Override
  public int number() {
    return 5;
  }

  @Override
  public String title() {
    return "text embedding";
  }

  @Override
  public String unit() {
    return "texts";
  }

  @Override
  public int perRequest() {
    return BATCH;
  }

  @Override
  public Goal goal() {
    return new Goal("≥ 0.9× the bare model in-process, same batch of " + BATCH
        + " texts (rates searched under p99 ≤ 1 s)", 0.9, 1_000, false);
  }

  @Override
  public Workload service(Rig rig) throws Exception {
    LoadUsers.User user = rig.users().login().get(0);
    List<Call> calls = groups.stream().map(texts -> Call.post("/api/v1/ai/embeddings", user.accessToken(),
        new JsonObject().put("texts", new JsonArray(new ArrayList<>(texts))).put("sourceType", "text").toBuffer(), 201))
        .toList();
    return new HttpWorkload("POST /api/v1/ai/embeddings (" + BATCH + " texts)", rig.system().ai(), CONNECTIONS, false,
        rig.services(), (index, lanes) -> Conversation.rotating(calls));
  }

  /** Loads the model (seconds) and embeds every group once. */
  @Override
  public void warmUp(Rig rig) {
    model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    segments.forEach(model::embedAll);
  }

  /** The model loaded by {@link #warmUp}. */
  @Override
  public Workload floor(Rig rig) {
    AtomicInteger next = new AtomicInteger();
    return new InProcessFloor("all-MiniLM-L6-v2-q embedAll of the same " + BATCH + " texts on "
        + rig.inferenceThreads() + " thread(s)", "model", rig.inferenceThreads(), CONNECTIONS,
        () -> model.embedAll(segments.get(Math.floorMod(next.getAndIncrement(), segments.size()))), () -> { });
  }

  /** Deterministic résumé-like lines of 20 to 40 words. */
  static List<List<String>> corpus(int groups, int size, long seed) {
    String[] roles = {"Senior Java engineer", "Backend developer", "Data analyst", "Site reliability engineer",
        "Product designer", "Registered nurse", "Pastry chef", "Project manager", "Machine learning engineer",
        "Frontend developer"};
    String[] verbs = {"built", "led", "designed", "migrated", "automated", "reduced", "improved", "launched",
        "maintained", "scaled"};
    String[] things = {"reactive services on Vert.x and PostgreSQL", "a Kubernetes platform for 40 teams",
        "customer onboarding flows", "nightly ETL pipelines in Python", "the payments API", "a design system",
        "patient intake procedures", "seasonal dessert menus", "CI pipelines with GitHub Actions",
        "search ranking with embeddings", "latency dashboards in Grafana", "a mentoring programme"};
    String[] results = {"cutting p99 latency by 40%", "saving 12 hours a week", "for 2 million users",
        "with zero downtime", "raising conversion by 8%", "across three regions", "under budget",
        "ahead of schedule"};
    Random random = new Random(seed);
    List<List<String>> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        StringBuilder b = new StringBuilder(roles[random.nextInt(roles.length)]).append(" with ")
            .append(2 + random.nextInt(12)).append(" years of experience.");
        int sentences = 2 + random.nextInt(2);
        for (int s = 0; s < sentences; s++) {
          String verb = verbs[random.nextInt(verbs.length)];
          b.append(' ').append(Character.toUpperCase(verb.charAt(0))).append(verb.substring(1)).append(' ')
              .append(things[random.nextInt(things.length)]).append(", ")
              .append(results[random.nextInt(results.length)]).append('.');
        }
        texts.add(b.toString());
      }
      out.add(texts);
    }
    return out;
  }
}
