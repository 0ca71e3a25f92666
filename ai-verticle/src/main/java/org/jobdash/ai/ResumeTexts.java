package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.ResumeContent;
import org.jobdash.common.http.ApiException;

import java.util.UUID;

/** A résumé's text, asked of the résumé service for its owner only: another user's résumé is a 404. */
public final class ResumeTexts {

  private final Vertx vertx;
  private final long timeoutMs;

  public ResumeTexts(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  /** The current text of {@code resumeId}, if {@code userId} owns it. */
  public Future<String> owned(UUID userId, UUID resumeId) {
    return Bus.request(vertx, Addresses.RESUME_CONTENT_GET, ResumeContent.request(resumeId, userId), timeoutMs)
        .map(ResumeContent::fromJson)
        .map(content -> {
          if (!content.userId().equals(userId) || !content.resumeId().equals(resumeId)) {
            throw new ApiException.NotFound("No such résumé");
          }
          return content.content() == null ? "" : content.content();
        });
  }
}
