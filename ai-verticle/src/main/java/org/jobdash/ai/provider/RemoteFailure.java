package org.jobdash.ai.provider;

/** A remote model call that did not give a usable answer (status, timeout, malformed body, open circuit). */
public final class RemoteFailure extends RuntimeException {

  /** The HTTP status the remote answered, or 0 when it gave none. */
  private final int status;

  public RemoteFailure(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  boolean retryable() {
    return status == 429 || status >= 500;
  }
}
