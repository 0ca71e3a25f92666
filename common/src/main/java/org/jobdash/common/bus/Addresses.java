package org.jobdash.common.bus;

/** Event-bus addresses shared by the services; payloads are JSON objects with a {@code version} field. */
public final class Addresses {

  private Addresses() {}

  /** send, résumé → AI: analyse a résumé (skills, content quality, embeddings). */
  public static final String AI_RESUME_ANALYZE = "ai.resume.analyze";
  /** publish, AI → résumé: the analysis of a résumé is done (or failed). */
  public static final String RESUME_ANALYSIS_COMPLETED = "resume.analysis.completed";
  /** request, résumé → AI: optimise a résumé's content; the reply carries the new content. */
  public static final String AI_RESUME_OPTIMIZE = "ai.resume.optimize";
  /** request, AI → résumé: a résumé's text, only for its owner. */
  public static final String RESUME_CONTENT_GET = "resume.content.get";
  /** request, AI → user: personalisation settings for AI work. */
  public static final String USER_PREFERENCES_GET = "user.preferences.get";
  /** request, any → user: a user's public account data. */
  public static final String USER_GET = "user.get";
  /** publish, user → all: purge that user's data everywhere. */
  public static final String USER_DELETED = "user.deleted";
  /** send, résumé and AI → user: this service has purged a deleted user's data. */
  public static final String USER_DELETION_ACK = "user.deletion.ack";
  /** publish, user → all: sessions ended (logout, password change or reset, disabling, deletion); refuse their tokens. */
  public static final String USER_SESSIONS_REVOKED = "user.sessions.revoked";
  /** request, any → user: every revocation whose tokens may still be unexpired, for a service that starts. */
  public static final String USER_REVOCATIONS_GET = "user.revocations.get";
  /** send, user → mailer: verification and reset mails. */
  public static final String USER_EMAIL_SEND = "user.email.send";

  /** The payload version every message of this release carries. */
  public static final int VERSION = 1;
}
