package org.jobdash.launcher;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.jobdash.client.ApiException;
import org.jobdash.client.model.ProcessingStatus;
import org.jobdash.client.model.Resume;
import org.jobdash.client.model.Tokens;
import org.jobdash.client.model.User;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client generated from the gateway's {@code /openapi.yaml} at build time drives a job seeker's journey through
 * the gateway, the whole system in this JVM: register, verify the e-mail (the token taken off the event bus),
 * log in, upload a PDF résumé (multipart), wait for its analysis, match it to a job.
 */
@ExtendWith(BlockedThreadGuard.class)
class GeneratedClientJourneyTest {

  private static final String PASSWORD = "a long enough journey passphrase";

  @TempDir
  Path dataDir;

  @Test
  void theClientGeneratedFromTheGatewaysDocumentRegistersVerifiesLogsInUploadsAndMatches() throws Exception {
    try (Launcher.Running running = InProcessSystem.start(dataDir, Map.of())) {
      LinkedBlockingQueue<JsonObject> mails = new LinkedBlockingQueue<>();
      MessageConsumer<JsonObject> mailbox = running.vertx().eventBus()
          .consumer(Addresses.USER_EMAIL_SEND, m -> mails.add(m.body()));
      mailbox.completion().await();
      GeneratedClient client = new GeneratedClient(running.port("gateway"));
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String email = "generated-" + suffix + "@example.com";
      String username = "generated_" + suffix;

      User registered = client.register(email, username, PASSWORD, "Priya Sharma");
      assertThat(registered.getUsername()).isEqualTo(username);
      assertThat(registered.getEmailVerified()).isFalse();
      JsonObject mail = mails.poll(10, TimeUnit.SECONDS);
      assertThat(mail).as("the verification mail").isNotNull();
      assertThat(mail.getString("to")).isEqualTo(email);
      client.verifyEmail(mail.getString("token"));

      ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
          () -> client.login(username, "not the passphrase"));
      assertThat(refused.getCode()).isEqualTo(401);
      assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(new JsonObject(refused.getResponseBody()).getInteger("status")).isEqualTo(401);

      Tokens tokens = client.login(username, PASSWORD);
      assertThat(tokens.getUser().getEmailVerified()).isTrue();
      assertThat(client.me().getId()).isEqualTo(registered.getId());

      Path cv = Files.write(dataDir.resolve("priya-cv.pdf"), Journey.pdf(Journey.RESUME_TEXT));
      Resume resume = client.upload(cv.toFile(), "Nursing CV");
      assertThat(resume.getTitle()).isEqualTo("Nursing CV");
      assertThat(resume.getOriginalFilename()).isEqualTo("priya-cv.pdf");
      assertThat(resume.getProcessingStatus()).isEqualTo(ProcessingStatus.PENDING);
      Waits.until(() -> status(client, resume.getId()), ProcessingStatus.COMPLETED::equals, Duration.ofSeconds(90));

      var match = client.matchJob(resume.getId(), "ED Nurse", Journey.NURSING_JOB);
      assertThat(match.getResumeId()).isEqualTo(resume.getId());
      assertThat(match.getScore().doubleValue()).isBetween(0.0, 100.0);
      assertThat(match.getMatchedSkills()).anySatisfy(skill -> assertThat(skill).containsIgnoringCase("triage"));
      assertThatThrownBy(() -> client.matchJob(UUID.randomUUID(), "ED Nurse", Journey.NURSING_JOB))
          .as("another résumé than mine").isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.getCode()).isEqualTo(404));
    }
  }

  private static ProcessingStatus status(GeneratedClient client, UUID resume) {
    try {
      return client.processingStatus(resume);
    } catch (ApiException e) {
      throw new AssertionError("GET the résumé's status: " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }
}
