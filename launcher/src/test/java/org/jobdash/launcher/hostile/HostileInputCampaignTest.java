package org.jobdash.launcher.hostile;

import io.vertx.core.Vertx;
import org.jobdash.common.auth.Es256Keys;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.launcher.InProcessSystem;
import org.jobdash.launcher.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's campaign: every operation of the three OpenAPI documents attacked with bad tokens, bad ids, bad query
 * values, malformed, nested, oversized and wrongly typed JSON, adversarial text at the limits and upload bombs,
 * through the gateway of the whole system in one JVM (and a sample straight to the services). No answer may be a
 * 5xx, an error that is not problem+json, slower than 10 s, or missing; another user's id must be a 404, a bad
 * token a 401; and no thread may be blocked. The table of answers and the distinct failures are printed (and
 * written to {@code target/hostile-campaign.txt}).
 */
@ExtendWith(BlockedThreadGuard.class)
class HostileInputCampaignTest {

  /** A handful in flight: enough to overlap, few enough for the same run each time on two cores. */
  private static final int IN_FLIGHT = 4;
  private static final Duration RUN_LIMIT = Duration.ofMinutes(12);
  /** The longest wait for the worker pools to be idle before an operation's cases, and before an upload. */
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final Duration UPLOAD_SETTLE = Duration.ofSeconds(45);
  /** All the waiting a run may do: past it, busy pools are only noted. */
  private static final Duration SETTLE_BUDGET = Duration.ofMinutes(4);
  private static final long REPLAY_BELOW_MS = 2_000;
  private static final int MAX_REPLAYS = 200;

  @TempDir
  Path dataDir;

  @Test
  void noHostileRequestGetsA5xxAnUntypedErrorASlowAnswerOrNoneAndNoThreadIsBlocked() throws Exception {
    LogTap tap = LogTap.attach();
    Es256Keys keys = Es256Keys.generate();
    String adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@campaign.example.com";
    // hundreds of sign-ins and registrations from one address: the campaign tests the answers to hostile input,
    // the rate limits have tests of their own
    Map<String, String> settings = Map.of("JWT_PRIVATE_KEY_PEM", keys.privateKeyPem(),
        "JWT_PUBLIC_KEY_PEM", keys.publicKeyPem(), "JOBDASH__user__bootstrapAdmins", adminEmail,
        "JOBDASH__user__rateLimits__enabled", "false");
    Vertx client = Vertx.vertx();
    try (Launcher.Running running = InProcessSystem.start(dataDir, settings)) {
      int gateway = running.port("gateway");
      TestClient http = new TestClient(client, gateway);
      java.util.concurrent.LinkedBlockingQueue<io.vertx.core.json.JsonObject> mails =
          new java.util.concurrent.LinkedBlockingQueue<>();
      running.vertx().eventBus().<io.vertx.core.json.JsonObject>consumer(
          org.jobdash.common.bus.Addresses.USER_EMAIL_SEND, m -> mails.add(m.body())).completion().await();
      World world = World.seed(http, keys, adminEmail, mails);
      List<ApiDocuments.Operation> operations = ApiDocuments.load();
      List<Case> cases = new Cases(world, Cases.Limits.defaults()).all(operations);
      System.out.printf("hostile-input campaign: %d operations, %d cases, %d of them also sent straight to the "
          + "service%n", operations.size(), cases.size(), cases.stream().filter(Case::direct).count());

      long started = System.nanoTime();
      long deadline = started + RUN_LIMIT.toNanos();
      Campaign campaign = new Campaign(client, gateway, Map.of("user", running.port("user"),
          "resume", running.port("resume"), "ai", running.port("ai")), IN_FLIGHT);
      WorkerPools pools = new WorkerPools(new TestClient(client, running.port("user")));
      List<String> notes = new ArrayList<>();
      List<Campaign.Outcome> outcomes = runInBatches(campaign, pools, cases, deadline, notes);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      Findings findings = new Findings(outcomes, tap);
      Map<String, Campaign.Outcome> alone = replayAlone(campaign, findings.distinct(), pools, deadline);
      List<String> problems = new ArrayList<>();
      othersResourcesAreUntouched(http, world, problems);
      List<String> failures = findings.failures(alone);
      List<String> blocked = findings.blockedEpisodes();
      String report = "hostile-input campaign: " + outcomes.size() + " requests in " + took.toSeconds() + " s ("
          + IN_FLIGHT + " in flight, uploads one at a time)\n\n" + findings.table()
          + "\nuploads (one at a time, the worker pools idle before each):\n" + findings.uploads()
          + "\ndistinct failures by fault and attack family:\n" + findings.summary(failures)
          + "\ndistinct failures (" + failures.size() + "):\n" + String.join("\n", failures)
          + "\n\nblocked threads (" + blocked.size() + "):\n" + String.join("\n", blocked)
          + "\n\nnotes:\n" + String.join("\n", notes)
          + (problems.isEmpty() ? "" : "\n\n" + String.join("\n", problems)) + "\n";
      System.out.println(report);
      Files.writeString(Path.of("target", "hostile-campaign.txt"), report);

      assertThat(outcomes).hasSize((int) (cases.size() + cases.stream().filter(Case::direct).count()));
      assertThat(failures).as("distinct failures (the whole report is in target/hostile-campaign.txt)").isEmpty();
      assertThat(blocked).as("blocked-thread warnings").isEmpty();
      assertThat(problems).isEmpty();
    } finally {
      client.close().await();
      tap.detach();
    }
  }

  /**
   * Runs the cases an operation at a time, then the uploads one at a time, after waiting (boundedly) for the worker
   * pools to be idle before each batch; notes which batches began with the pools still busy.
   */
  private static List<Campaign.Outcome> runInBatches(Campaign campaign, WorkerPools pools, List<Case> cases,
                                                     long deadline, List<String> notes) throws Exception {
    notes.add("worker pools waited for between operations: " + pools.busy().keySet());
    List<Campaign.Outcome> outcomes = new ArrayList<>();
    Duration waited = Duration.ZERO;
    for (Map.Entry<String, List<Case>> batch : batches(cases).entrySet()) {
      boolean upload = batch.getValue().get(0).family().equals("upload");
      long before = System.nanoTime();
      String busy = pools.settle(waited.compareTo(SETTLE_BUDGET) >= 0 ? Duration.ZERO
          : upload ? UPLOAD_SETTLE : SETTLE);
      waited = waited.plusNanos(System.nanoTime() - before);
      if (busy != null) {
        notes.add("before " + batch.getKey() + ", the worker pools were " + busy);
      }
      outcomes.addAll(campaign.run(batch.getValue(), upload ? 1 : IN_FLIGHT, deadline));
    }
    notes.add("waited " + waited.toSeconds() + " s in all for idle worker pools");
    return outcomes;
  }

  /** One batch per operation, then one per upload. */
  private static Map<String, List<Case>> batches(List<Case> cases) {
    Map<String, List<Case>> out = new LinkedHashMap<>();
    List<Case> uploads = new ArrayList<>();
    for (Case c : cases) {
      if (c.family().equals("upload")) {
        uploads.add(c);
      } else {
        out.computeIfAbsent(c.operation(), k -> new ArrayList<>()).add(c);
      }
    }
    uploads.forEach(c -> out.put(c.operation() + " " + c.what(), List.of(c)));
    return out;
  }

  /**
   * Each distinct 5xx that answered quickly, and each answer slower than 10 s, sent again alone once the workers
   * are idle: whether it fails by itself or only beside the others, and what the services log for it alone.
   */
  private static Map<String, Campaign.Outcome> replayAlone(Campaign campaign, Map<String, List<Campaign.Outcome>> distinct,
                                                           WorkerPools pools, long deadline) throws Exception {
    Map<String, Campaign.Outcome> alone = new LinkedHashMap<>();
    for (Map.Entry<String, List<Campaign.Outcome>> failure : distinct.entrySet()) {
      Campaign.Outcome first = failure.getValue().get(0);
      boolean quick5xx = first.status() >= 500 && first.millis() <= REPLAY_BELOW_MS;
      boolean slow = first.status() > 0 && first.millis() > Campaign.Outcome.SLOW_MS;
      if (!(quick5xx || slow) || alone.size() >= MAX_REPLAYS) {
        continue;
      }
      pools.settle(SETTLE);
      Case c = first.request();
      Case once = new Case(c.operation(), c.service(), c.family(), c.attack(), c.method(), c.uri(), c.authorization(),
          c.contentType(), c.body(), c.expect(), false);
      alone.put(failure.getKey(), campaign.run(List.of(once), 1, deadline).get(0));
    }
    return alone;
  }

  /** Nothing the owner sent may have changed or ended the other user's résumé, optimisation or session. */
  private static void othersResourcesAreUntouched(TestClient http, World world, List<String> problems) {
    String token = world.other().accessToken();
    for (String path : List.of("/api/v1/resumes/" + world.otherResume(),
        "/api/v1/resumes/optimizations/" + world.otherOptimization(), "/api/v1/users/me")) {
      TestClient.Response r = http.get(path, token);
      if (r.status() != 200) {
        problems.add("the other user's " + path + " answers " + r.status() + " after the campaign: " + r);
      }
    }
    String title = http.get("/api/v1/resumes/" + world.otherResume(), token).json().getString("title");
    if (!"Campaign CV".equals(title)) {
      problems.add("the other user's résumé title changed to " + title);
    }
  }
}
