package org.jobdash.load.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.jobdash.load.gen.Lane;

import java.util.List;

/**
 * What a lane says over HTTP, apart from how it is carried: the next request (which may wait, e.g. for a free
 * refresh-token chain) and what an answer means. Used on one lane's context only.
 */
public interface Conversation {

  Future<Call> next();

  /** Judges an answer; returns {@link Lane#OK} or a label. */
  String answered(Call call, int status, Buffer body);

  /** The request failed before any answer. */
  default void failed(Call call) {
  }

  /** The same requests over and over, in turn; success is the expected status. */
  static Conversation rotating(List<Call> calls) {
    return new Conversation() {
      private int next;

      @Override
      public Future<Call> next() {
        Call call = calls.get(next);
        next = (next + 1) % calls.size();
        return Future.succeededFuture(call);
      }

      @Override
      public String answered(Call call, int status, Buffer body) {
        return status == call.expected() ? Lane.OK : "HTTP " + status;
      }
    };
  }
}
