package org.jobdash.user.mail;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Hands verification and reset mails to whatever serves {@code user.email.send} (the mailer, or another process). */
public final class MailOutbox {

  public static final String KIND_VERIFY = "email-verification";
  public static final String KIND_RESET = "password-reset";

  private final Vertx vertx;

  public MailOutbox(Vertx vertx) {
    this.vertx = vertx;
  }

  public void send(String kind, UUID userId, String to, String token, Duration ttl) {
    JsonObject message = Bus.message()
        .put("kind", kind)
        .put("userId", userId.toString())
        .put("to", to)
        .put("token", token)
        .put("expiresAt", Instant.now().plus(ttl).toString());
    vertx.eventBus().send(Addresses.USER_EMAIL_SEND, message);
  }
}
