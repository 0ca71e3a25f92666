package org.jobdash.load.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.RequestOptions;
import org.jobdash.load.gen.Lane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A lane that holds a fixed number of keep-alive connections open and spreads its requests over all of them: a
 * request takes the connection idle the longest (or waits for one), so every connection keeps sending. A
 * connection the server closes is replaced.
 */
public final class PinnedLane implements Lane {

  /** How many connections are opened at once (the server's accept backlog is finite). */
  private static final int OPEN_BATCH = 100;

  private final Target target;
  private final int count;
  private final Conversation conversation;
  private final HttpClientAgent client;
  private final ArrayDeque<HttpClientConnection> idle = new ArrayDeque<>();
  private final ArrayDeque<Promise<HttpClientConnection>> waiting = new ArrayDeque<>();
  private final Set<HttpClientConnection> closed = new HashSet<>();
  private final Set<HttpClientConnection> all = new HashSet<>();
  private boolean closing;

  public PinnedLane(Vertx vertx, Target target, int count, Conversation conversation) {
    this.target = target;
    this.count = count;
    this.conversation = conversation;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setKeepAlive(true)
        .setTcpNoDelay(true)
        .setConnectTimeout(10_000)
        .setDefaultHost(target.host())
        .setDefaultPort(target.port()));
  }

  @Override
  public Future<Void> open() {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < count; from += OPEN_BATCH) {
      int n = Math.min(OPEN_BATCH, count - from);
      chain = chain.compose(v -> {
        List<Future<HttpClientConnection>> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          batch.add(connect());
        }
        return Future.all(batch).mapEmpty();
      });
    }
    return chain;
  }

  private Future<HttpClientConnection> connect() {
    return client.connect(new HttpConnectOptions().setHost(target.host()).setPort(target.port()))
        .onSuccess(conn -> {
          all.add(conn);
          conn.closeHandler(v -> lost(conn));
          release(conn);
        });
  }

  /** Replaces a connection the server (or a timeout) closed; a busy one is replaced when its answer is in. */
  private void lost(HttpClientConnection conn) {
    all.remove(conn);
    if (closing) {
      return;
    }
    if (idle.remove(conn)) {
      connect();
    } else {
      closed.add(conn);
    }
  }

  private Future<HttpClientConnection> acquire() {
    HttpClientConnection conn = idle.pollFirst();
    if (conn != null) {
      return Future.succeededFuture(conn);
    }
    Promise<HttpClientConnection> promise = Promise.promise();
    waiting.addLast(promise);
    return promise.future();
  }

  private void release(HttpClientConnection conn) {
    if (closed.remove(conn)) {
      connect();
      return;
    }
    Promise<HttpClientConnection> next = waiting.pollFirst();
    if (next != null) {
      next.complete(conn);
    } else {
      idle.addLast(conn);
    }
  }

  @Override
  public Future<String> send() {
    return conversation.next().compose(call -> acquire().compose(conn -> {
      RequestOptions options = new RequestOptions()
          .setMethod(call.method())
          .setURI(target.uri(call.path()))
          .setTimeout(PooledLane.TIMEOUT_MS)
          .putHeader("User-Agent", PooledLane.USER_AGENT);
      if (call.bearer() != null) {
        options.putHeader("Authorization", "Bearer " + call.bearer());
      }
      if (call.body() != null) {
        options.putHeader("Content-Type", "application/json");
      }
      return conn.request(options)
          .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
          .compose(response -> response.body().map(body -> conversation.answered(call, response.statusCode(), body)))
          .transform(ar -> {
            release(conn);
            if (ar.failed()) {
              conversation.failed(call);
            }
            return ar.failed() ? Future.failedFuture(ar.cause()) : Future.succeededFuture(ar.result());
          });
    }));
  }

  @Override
  public Future<Void> close() {
    closing = true;
    List<Future<Void>> closes = new ArrayList<>();
    all.forEach(conn -> closes.add(conn.close()));
    return Future.join(closes).transform(ar -> client.close());
  }
}
