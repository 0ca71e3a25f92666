package org.jobdash.user.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.jobdash.common.bus.Addresses;
import org.jobdash.user.UserConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code user.email.send}: over SMTP ({@code mail.mode=smtp}), or into the log in development
 * ({@code log}, the default), where the link with its token can be copied.
 */
public final class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final UserConfig.Mail config;
  private final MailClient smtp;

  public Mailer(Vertx vertx, UserConfig.Mail config) {
    this.config = config;
    this.smtp = "smtp".equals(config.mode()) ? MailClient.createShared(vertx, new MailConfig()
        .setHostname(config.smtpHost())
        .setPort(config.smtpPort())
        .setUsername(config.smtpUser())
        .setPassword(config.smtpPassword())
        .setStarttls(config.smtpStartTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL), "jobdash-mail")
        : null;
  }

  public MessageConsumer<JsonObject> register(Vertx vertx) {
    return vertx.eventBus().consumer(Addresses.USER_EMAIL_SEND, this::deliver);
  }

  private void deliver(Message<JsonObject> message) {
    JsonObject m = message.body();
    String kind = m.getString("kind");
    boolean verify = MailOutbox.KIND_VERIFY.equals(kind);
    String subject = verify ? "Confirm your e-mail address" : "Reset your password";
    String link = (verify ? config.verifyUrl() : config.resetUrl()) + m.getString("token");
    String text = (verify
        ? "Welcome to Job Dashboard. Confirm your e-mail address by opening this link:\n\n"
        : "Someone asked to reset the password of your Job Dashboard account. If it was you, open this link:\n\n")
        + link + "\n\nThe link is valid until " + m.getString("expiresAt") + ".\n";
    if (smtp == null) {
      log.info("dev mail ({}) to {}: {} — {}", kind, m.getString("to"), subject, link);
      return;
    }
    Future<?> sent = smtp.sendMail(new MailMessage().setFrom(config.from()).setTo(m.getString("to"))
        .setSubject(subject).setText(text));
    sent.onFailure(e -> log.warn("cannot send {} mail to {}: {}", kind, m.getString("to"), e.toString()));
  }
}
