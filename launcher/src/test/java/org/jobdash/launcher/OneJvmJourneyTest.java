package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole system in one JVM, driven through the gateway as a client would. */
@ExtendWith(BlockedThreadGuard.class)
class OneJvmJourneyTest {

  @TempDir
  Path dataDir;

  @Test
  void aJobSeekersJourneyFromRegistrationToAccountDeletion() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("JOBDASH_DATA_DIR", dataDir.toString());
    for (String s : new String[] {"USER", "RESUME", "AI"}) {
      env.put(s + "_SERVICE_PORT", Integer.toString(TestClient.freePort()));
      env.put("JOBDASH__" + s.toLowerCase() + "__instances", "2");
    }
    env.put("GATEWAY_PORT", Integer.toString(TestClient.freePort()));
    env.put("MAIL_MODE", "none");
    Command command = CommandLine.parse(new String[0]);
    JsonObject config = Configuration.load(command, env);

    try (Launcher.Running running = Launcher.start(config, command.services(), true, false, Launcher.vertxBuilder())) {
      // only the gateway is open beyond loopback (on Linux 127.0.0.2 is this host, but not the address 127.0.0.1)
      InetAddress elsewhere = InetAddress.getByName("127.0.0.2");
      new Socket(elsewhere, running.port("gateway")).close();
      for (String service : new String[] {"user", "resume", "ai"}) {
        assertThatThrownBy(() -> new Socket(elsewhere, running.port(service)).close()).as(service)
            .isInstanceOf(java.net.ConnectException.class);
      }
      LinkedBlockingQueue<JsonObject> mails = new LinkedBlockingQueue<>();
      MessageConsumer<JsonObject> mailbox = running.vertx().eventBus()
          .consumer(Addresses.USER_EMAIL_SEND, m -> mails.add(m.body()));
      mailbox.completion().await();
      Vertx client = Vertx.vertx();
      try {
        Journey journey = new Journey(client, running.port("gateway"));
        journey.register();
        JsonObject mail = mails.poll(10, TimeUnit.SECONDS);
        assertThat(mail).isNotNull();
        assertThat(mail.getString("to")).isEqualTo(journey.email);
        journey.verify(mail.getString("token"));
        journey.login();
        journey.resumeId = journey.uploadPdf();
        JsonObject status = journey.awaitAnalysis(journey.resumeId, Duration.ofSeconds(90));
        assertThat(status.encode()).contains("completed");
        journey.analysedAndMatched();
        journey.optimisedComparedAndRated(Duration.ofSeconds(60));

        UUID user = journey.userId;
        assertThat(count(running.database("resume"), "SELECT count(*) FROM resumes WHERE user_id = ?", user)).isEqualTo(1);
        assertThat(count(running.database("ai"), "SELECT count(*) FROM embeddings WHERE user_id = ?", user)).isPositive();
        Path files = dataDir.resolve("files/users/" + user);
        assertThat(Files.exists(files)).isTrue();

        journey.deleteAccount();

        Journey.await(() -> count(running.database("resume"), "SELECT count(*) FROM resumes WHERE user_id = ?", user)
            + count(running.database("ai"), "SELECT count(*) FROM ai_processing_sessions WHERE user_id = ?", user)
            + count(running.database("ai"), "SELECT count(*) FROM embeddings WHERE user_id = ?", user)
            + count(running.database("user"), "SELECT count(*) FROM user_deletions WHERE user_id = ? AND completed_at IS NULL", user),
            n -> n == 0, Duration.ofSeconds(30));
        assertThat(count(running.database("user"), "SELECT count(*) FROM users WHERE id = ?", user)).isZero();
        for (String table : new String[] {"resume_versions v JOIN resumes r ON r.id = v.resume_id WHERE r.user_id = ?",
            "resume_optimizations WHERE user_id = ?", "optimization_feedback WHERE user_id = ?",
            "resume_analyses WHERE user_id = ?"}) {
          assertThat(count(running.database("resume"), "SELECT count(*) FROM " + table, user)).as(table).isZero();
        }
        for (String table : new String[] {"job_match_analyses", "skill_analyses", "content_analyses",
            "resume_optimizations", "optimization_history"}) {
          assertThat(count(running.database("ai"), "SELECT count(*) FROM " + table + " WHERE user_id = ?", user))
              .as(table).isZero();
        }
        assertThat(count(running.database("user"), "SELECT count(*) FROM user_deletions WHERE user_id = ? "
            + "AND completed_at IS NOT NULL", user)).isEqualTo(1);
        assertThat(Files.exists(files) && Files.list(files).findAny().isPresent()).isFalse();
      } finally {
        client.close().await();
      }
    }
  }

  static long count(DatabaseUrl url, String sql, UUID id) {
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
