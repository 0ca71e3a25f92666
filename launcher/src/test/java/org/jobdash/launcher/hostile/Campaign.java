package org.jobdash.launcher.hostile;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the cases through the gateway (and the sampled ones to the service's own port too), a few at a time so
 * that the run is the same each time, and keeps each answer's status, type, time and the start of its body.
 */
final class Campaign {

  /** An answer, or its absence ({@code status} 0, with {@code error} saying what happened). */
  record Outcome(Case request, String via, int status, String contentType, long millis, String body, String error,
                 long startedNanos, long endedNanos) {

    static final long SLOW_MS = 10_000;

    /** What is wrong with this answer (empty when nothing is). */
    List<String> faults() {
      List<String> out = new ArrayList<>();
      if (status == 0) {
        out.add("no answer");
        return out;
      }
      if (status >= 500) {
        out.add("5xx");
      }
      if (status >= 400 && (contentType == null || !contentType.startsWith("application/problem+json"))) {
        out.add("not problem+json");
      }
      if (millis > SLOW_MS) {
        out.add("slow > 10 s");
      }
      if (request.expect() == Case.Expect.NOT_FOUND && status != 404) {
        out.add("another user's id not 404");
      }
      if (request.expect() == Case.Expect.UNAUTHORIZED && status != 401) {
        out.add("bad token not 401");
      }
      if (request.expect() == Case.Expect.SUCCESS && (status < 200 || status >= 300)) {
        out.add("valid request not served");
      }
      return out;
    }
  }

  private record Send(Case request, String via, int port) {}

  private static final int BODY_PREFIX = 200;
  private static final long NO_ANSWER_MS = 30_000;

  private final Vertx vertx;
  private final HttpClient client;
  private final int gatewayPort;
  private final Map<String, Integer> servicePorts;

  Campaign(Vertx vertx, int gatewayPort, Map<String, Integer> servicePorts, int maxInFlight) {
    this.vertx = vertx;
    this.gatewayPort = gatewayPort;
    this.servicePorts = servicePorts;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
        .setConnectTimeout(5_000).setMaxInitialLineLength(65_536), new PoolOptions().setHttp1MaxSize(maxInFlight));
  }

  /**
   * Sends every case, {@code inFlight} at a time (blocking the calling thread, never an event loop); those not
   * sent by {@code deadline} ({@link System#nanoTime()}) are answered "not sent".
   */
  List<Outcome> run(List<Case> cases, int inFlight, long deadline) throws TimeoutException {
    List<Send> sends = new ArrayList<>();
    for (Case c : cases) {
      sends.add(new Send(c, "gateway", gatewayPort));
      if (c.direct()) {
        sends.add(new Send(c, c.service(), servicePorts.get(c.service())));
      }
    }
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    Iterator<Send> next = sends.iterator();
    List<Future<Void>> workers = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Promise<Void> done = Promise.promise();
      vertx.runOnContext(v -> work(next, deadline, outcomes, done));
      workers.add(done.future());
    }
    long wait = Math.max(0, (deadline - System.nanoTime()) / 1_000_000) + NO_ANSWER_MS * 3;
    Future.all(workers).await(wait, TimeUnit.MILLISECONDS);
    return List.copyOf(outcomes);
  }

  private void work(Iterator<Send> next, long deadline, List<Outcome> outcomes, Promise<Void> done) {
    Send send = take(next);
    while (send != null && System.nanoTime() > deadline) {
      long now = System.nanoTime();
      outcomes.add(new Outcome(send.request(), send.via(), 0, null, 0, "", "not sent: the campaign ran out of time",
          now, now));
      send = take(next);
    }
    if (send == null) {
      done.complete();
      return;
    }
    Send current = send;
    // bodies (bombs among them) are made on a worker: an event loop of the client must not be held either
    Future<byte[]> body = current.request().body() == null ? Future.succeededFuture(null)
        : vertx.executeBlocking(() -> current.request().body().get(), false);
    body.compose(bytes -> send(current, bytes))
        .recover(e -> Future.succeededFuture(new Outcome(current.request(), current.via(), 0, null, 0, "",
            "the campaign could not build or send it: " + e, System.nanoTime(), System.nanoTime())))
        .onComplete(ar -> {
          outcomes.add(ar.result());
          work(next, deadline, outcomes, done);
        });
  }

  private static Send take(Iterator<Send> next) {
    synchronized (next) {
      return next.hasNext() ? next.next() : null;
    }
  }

  private Future<Outcome> send(Send send, byte[] body) {
    long start = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(send.request().method()).setHost("127.0.0.1")
        .setPort(send.port()).setURI(send.request().uri()).setIdleTimeout(NO_ANSWER_MS);
    if (send.request().authorization() != null) {
      options.putHeader("Authorization", send.request().authorization());
    }
    if (send.request().contentType() != null) {
      options.putHeader("Content-Type", send.request().contentType());
    }
    return client.request(options)
        .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(b -> new Outcome(send.request(), send.via(), response.statusCode(),
            response.getHeader("Content-Type"), (System.nanoTime() - start) / 1_000_000, prefix(b), null, start,
            System.nanoTime())))
        .otherwise(e -> new Outcome(send.request(), send.via(), 0, null, (System.nanoTime() - start) / 1_000_000,
            "", e.getClass().getSimpleName() + ": " + e.getMessage(), start, System.nanoTime()));
  }

  private static String prefix(Buffer body) {
    String text = body.length() > BODY_PREFIX * 4 ? body.getString(0, BODY_PREFIX * 4) : body.toString();
    text = text.replace('\n', ' ').replace('\r', ' ');
    return text.length() > BODY_PREFIX ? text.substring(0, BODY_PREFIX) : text;
  }
}
