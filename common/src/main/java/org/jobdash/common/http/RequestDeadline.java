package org.jobdash.common.http;

import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.work.Deadline;

import java.time.Duration;

/** A {@link Deadline} for the work one request causes, cancelled when the client closes the connection. */
public final class RequestDeadline {

  private RequestDeadline() {}

  public static Deadline of(RoutingContext ctx, Duration limit) {
    Deadline deadline = Deadline.after(limit);
    ctx.response().closeHandler(v -> deadline.cancel());
    return deadline;
  }
}
