package org.jobdash.load.attack;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.jobdash.load.http.PooledLane;
import org.jobdash.load.http.Target;
import org.jobdash.load.scenario.Background;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients that each send hostile requests one after the other (a closed loop, one in flight per client), each
 * starting at its own place in the list, until stopped; they count the answers by status.
 */
public final class Attackers implements Background {

  /** A request still unanswered after this long counts as a timeout (and its connection is dropped). */
  static final long TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final Target target;
  private final int clients;
  private final List<HostileRequest> requests;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
  private final AtomicLong slowestMs = new AtomicLong();
  private final List<Future<Void>> loops = new ArrayList<>();
  private volatile String slowest = "";
  private HttpClient client;

  public Attackers(Vertx vertx, Target target, int clients, List<HostileRequest> requests) {
    this.vertx = vertx;
    this.target = target;
    this.clients = clients;
    this.requests = requests;
  }

  @Override
  public void start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(10_000)
        .setDefaultHost(target.host()).setDefaultPort(target.port()), new PoolOptions().setHttp1MaxSize(clients));
    for (int i = 0; i < clients; i++) {
      Promise<Void> done = Promise.promise();
      int first = i * requests.size() / clients;
      vertx.runOnContext(v -> loop(first, done));
      loops.add(done.future());
    }
  }

  private void loop(int index, Promise<Void> done) {
    if (stopped.get()) {
      done.complete();
      return;
    }
    HostileRequest r = requests.get(index % requests.size());
    long start = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(r.method()).setURI(target.uri(r.path()))
        .setIdleTimeout(TIMEOUT_MS).putHeader("User-Agent", PooledLane.USER_AGENT)
        .putHeader("Authorization", "Bearer " + r.bearer()).putHeader("Content-Type", r.contentType());
    client.request(options)
        .compose(request -> request.send(Buffer.buffer(r.body())))
        .compose(response -> response.body().map(b -> "HTTP " + response.statusCode()))
        .otherwise(e -> e instanceof java.util.concurrent.TimeoutException
            || String.valueOf(e.getMessage()).contains("timeout") ? "timeout" : "no answer")
        .onComplete(ar -> {
          long ms = (System.nanoTime() - start) / 1_000_000;
          answers.computeIfAbsent(ar.result(), k -> new LongAdder()).increment();
          if (ms > slowestMs.get()) {
            slowestMs.set(ms);
            slowest = r.name();
          }
          loop(index + 1, done);
        });
  }

  @Override
  public String stop() throws Exception {
    stopped.set(true);
    try {
      Future.join(loops).await(TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS);
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
    }
    Map<String, Long> counts = new TreeMap<>();
    answers.forEach((k, v) -> counts.put(k, v.sum()));
    long sent = counts.values().stream().mapToLong(Long::longValue).sum();
    return String.format("%d attacker(s) sent %d hostile requests in turn (%d kinds: PDF and DOCX bombs, adversarial "
        + "text at the AI limits, the largest résumé, a 16 MiB key flood, 10,000-level nesting), answered %s; "
        + "slowest %.1f s (%s)", clients, sent, requests.size(), counts, slowestMs.get() / 1000.0, slowest);
  }
}
