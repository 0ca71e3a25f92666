package org.jobdash.launcher.hostile;

import io.vertx.core.http.HttpMethod;

import java.util.function.Supplier;

/**
 * One hostile request: which operation and attack it is, the request itself (the body made only when sent, so
 * that thousands of cases do not sit in memory), what it must answer beyond the rules every answer follows, and
 * whether it also goes to the service's own port.
 *
 * @param authorization the {@code Authorization} header, or null for none
 * @param contentType   the {@code Content-Type} header, or null for none
 * @param body          the body, or null for none
 */
record Case(String operation, String service, String family, String attack, HttpMethod method, String uri,
            String authorization, String contentType, Supplier<byte[]> body, Expect expect, boolean direct) {

  /** What an answer must be beyond a status under 500, problem+json for errors and an answer within 10 s. */
  enum Expect {
    ANY,
    /** another user's resource */
    NOT_FOUND,
    /** a token that is missing, malformed, forged or expired */
    UNAUTHORIZED,
    /** a well-formed request the service must serve (a valid upload): proves the attacks reach real work */
    SUCCESS
  }

  /** {@code family: attack}, as reports name it. */
  String what() {
    return family + ": " + attack;
  }
}
