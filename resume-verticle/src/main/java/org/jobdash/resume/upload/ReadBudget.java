package org.jobdash.resume.upload;

import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;

import java.io.IOException;

/**
 * What reading one uploaded file may still cost: the bytes its decoders may produce (PDF streams, DOCX parts) and
 * the time until its deadline. Decoders charge it as the bytes come out, so a decompression bomb stops at the limit
 * instead of filling the heap. The first refusal is kept, because parsers swallow some IOExceptions (PDFBox skips a
 * font it cannot read): {@link #rethrow()} after the parser returns or fails makes the refusal the answer. One file,
 * one worker thread: not thread-safe.
 */
final class ReadBudget {

  /** Thrown into a parser to stop it; what it means to the client is {@link #rethrow()}'s problem. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private final long maxDecodedBytes;
  private final Deadline deadline;
  private long decoded;
  private ApiException refusal;

  ReadBudget(long maxDecodedBytes, Deadline deadline) {
    this.maxDecodedBytes = maxDecodedBytes;
    this.deadline = deadline;
  }

  long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  /** Charges {@code bytes} decoded; past the limit the file is a decompression bomb. Looks at the clock too. */
  void charge(long bytes) throws Refused {
    checkTime();
    decoded += bytes;
    if (decoded > maxDecodedBytes) {
      throw refuse(UploadProblems.decompressionBomb("Its content decodes to more than " + maxDecodedBytes
          + " bytes"));
    }
  }

  /** Stops the work once the deadline has passed (or an earlier refusal stands). */
  void checkTime() throws Refused {
    if (refusal != null) {
      throw new Refused(refusal.detail());
    }
    try {
      deadline.check();
    } catch (Deadline.Exceeded e) {
      throw refuse(e);
    }
  }

  /** Records {@code problem} as the answer (unless one is recorded already) and returns what stops the parser. */
  Refused refuse(ApiException problem) {
    if (refusal == null) {
      refusal = problem;
    }
    return new Refused(refusal.detail());
  }

  /** Throws the recorded refusal, or {@link Deadline.Exceeded} once the deadline has passed; else nothing. */
  void rethrow() {
    if (refusal != null) {
      throw refusal;
    }
    deadline.check();
  }
}
