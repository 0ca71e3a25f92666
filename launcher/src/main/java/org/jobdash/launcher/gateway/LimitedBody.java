package org.jobdash.launcher.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import org.jobdash.common.http.ApiException;

/**
 * A request body of unknown length (chunked) as the proxy streams it on: the bytes are counted, and once more than
 * {@code limit} have come the stream fails with a 413 and passes nothing more, so that the proxy resets the
 * backend's request. Used on the event loop of its request only.
 */
final class LimitedBody implements ReadStream<Buffer> {

  private final ReadStream<Buffer> source;
  private final long limit;
  private long seen;
  private boolean exceeded;
  private Handler<Buffer> handler;
  private Handler<Throwable> exceptionHandler;

  LimitedBody(ReadStream<Buffer> source, long limit) {
    this.source = source;
    this.limit = limit;
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public LimitedBody handler(Handler<Buffer> handler) {
    this.handler = handler;
    source.handler(handler == null ? null : this::data);
    return this;
  }

  private void data(Buffer chunk) {
    if (exceeded) {
      return;
    }
    seen += chunk.length();
    if (seen > limit) {
      exceeded = true;
      if (exceptionHandler != null) {
        exceptionHandler.handle(new ApiException.TooLarge("The request body is larger than " + limit + " bytes"));
      }
      return;
    }
    handler.handle(chunk);
  }

  @Override
  public LimitedBody exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    source.exceptionHandler(handler);
    return this;
  }

  @Override
  public LimitedBody endHandler(Handler<Void> endHandler) {
    source.endHandler(endHandler == null ? null : v -> {
      if (!exceeded) {
        endHandler.handle(v);
      }
    });
    return this;
  }

  @Override
  public LimitedBody pause() {
    source.pause();
    return this;
  }

  @Override
  public LimitedBody resume() {
    source.resume();
    return this;
  }

  @Override
  public LimitedBody fetch(long amount) {
    source.fetch(amount);
    return this;
  }
}
