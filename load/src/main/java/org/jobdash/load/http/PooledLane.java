package org.jobdash.load.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.jobdash.load.gen.Lane;

/**
 * A lane over a WebClient pool of keep-alive connections: a request takes any idle connection, or waits in the
 * pool's queue (that wait counts in its latency).
 */
public final class PooledLane implements Lane {

  public static final String USER_AGENT = "jobdash-load";
  static final long TIMEOUT_MS = 10_000;

  private final WebClient client;
  private final Target target;
  private final Conversation conversation;

  /** How long an idle connection is kept: under the server's idle limit, as the gateway keeps its backends'. */
  static final int IDLE_SECONDS = 5;

  public PooledLane(Vertx vertx, Target target, int connections, Conversation conversation) {
    this.client = WebClient.create(vertx, new WebClientOptions()
            .setKeepAlive(true)
            // below the services' headerTimeoutSeconds (10 s): a connection idle longer is closed by the server, and
            // one the pool picks as the server closes it fails its request (HttpClosedException) and fails a step
            .setKeepAliveTimeout(IDLE_SECONDS)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) TIMEOUT_MS)
            .setUserAgent(USER_AGENT),
        new PoolOptions().setHttp1MaxSize(Math.max(1, connections)).setMaxWaitQueueSize(-1));
    this.target = target;
    this.conversation = conversation;
  }

  @Override
  public Future<String> send() {
    return conversation.next().compose(call -> {
      HttpRequest<Buffer> request = client.request(call.method(), target.port(), target.host(), target.uri(call.path()))
          .timeout(TIMEOUT_MS);
      if (call.bearer() != null) {
        request.putHeader("Authorization", "Bearer " + call.bearer());
      }
      Future<io.vertx.ext.web.client.HttpResponse<Buffer>> sent = call.body() == null ? request.send()
          : request.putHeader("Content-Type", "application/json").sendBuffer(call.body());
      return sent.transform(ar -> {
        if (ar.failed()) {
          conversation.failed(call);
          return Future.failedFuture(ar.cause());
        }
        return Future.succeededFuture(conversation.answered(call, ar.result().statusCode(), ar.result().body()));
      });
    });
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
