package org.jobdash.common.work;

import org.jobdash.common.http.ApiException;

import java.time.Duration;

/**
 * A time limit for one piece of work over user input, checked cooperatively by the work itself: loops call
 * {@link #check()}, and text handed to a pattern matcher is wrapped with {@link #watch} so that even a match in
 * progress stops. Cancelling it (the client went away) stops the work the same way.
 */
public final class Deadline {

  /** The work ran past its deadline or was cancelled; the request gets a 422 problem. */
  public static final class Exceeded extends ApiException {
    public Exceeded(String detail) {
      super(422, "processing-time-exceeded", "Processing time exceeded", detail, null, null);
    }
  }

  /** How many characters a watched text hands out between two looks at the clock. */
  private static final int CHECK_EVERY = 4096;

  private final long limitNanos;
  private final long startNanos;
  private volatile boolean cancelled;

  private Deadline(long limitNanos) {
    this.limitNanos = limitNanos;
    this.startNanos = System.nanoTime();
  }

  public static Deadline after(Duration limit) {
    return new Deadline(limit.toNanos());
  }

  /** Cancels the work: its next check fails. Safe from any thread. */
  public void cancel() {
    cancelled = true;
  }

  public boolean expired() {
    return cancelled || System.nanoTime() - startNanos > limitNanos || Thread.currentThread().isInterrupted();
  }

  /** Fails the work with {@link Exceeded} once the deadline has passed or the work was cancelled. */
  public void check() {
    if (expired()) {
      throw new Exceeded(cancelled
          ? "The work was cancelled"
          : "Processing this input took longer than " + Duration.ofNanos(limitNanos).toMillis() + " ms");
    }
  }

  /** {@code text} as a {@link CharSequence} that checks this deadline every few thousand characters read. */
  public CharSequence watch(CharSequence text) {
    return new Watched(text, this);
  }

  private static final class Watched implements CharSequence {
    private final CharSequence text;
    private final Deadline deadline;
    private int reads;

    Watched(CharSequence text, Deadline deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (++reads >= CHECK_EVERY) {
        reads = 0;
        deadline.check();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Watched(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
