package org.jobdash.load.scenario;

import org.jobdash.load.attack.Attackers;
import org.jobdash.load.attack.HostileInputs;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Call;
import org.jobdash.load.http.Conversation;
import org.jobdash.load.system.LoadUsers;

import java.util.List;

/**
 * 7. Responsiveness under attack: a canary reads {@code GET /api/v1/users/me} and {@code GET /api/v1/resumes} in
 * turn at a fixed rate through the gateway while attackers (one per core unless {@code --attackers} says) send the
 * worst inputs of the hostile-input library one after the other; the floor is the same canary with no attack,
 * measured first. Its ratio is the canary's quiet p99 over its p99 under attack: the share of its responsiveness
 * kept.
 */
public final class UnderAttack implements Scenario {

  static final double CANARY_RATE = 50;
  static final int CANARY_CONNECTIONS = 4;

  private LoadUsers.User canary;
  private LoadUsers.User attacker;

  @Override
  public int number() {
    return 7;
  }

  @Override
  public String title() {
    return "canary under attack";
  }

  @Override
  public String unit() {
    return "reads";
  }

  @Override
  public Goal goal() {
    return new Goal("the canary's reads at " + (int) CANARY_RATE + "/s keep p99 ≤ 500 ms with 0 errors while the "
        + "attack runs, no blocked-thread warning", 0, 500, true);
  }

  @Override
  public double fixedRate() {
    return CANARY_RATE;
  }

  @Override
  public Workload floor(Rig rig) throws Exception {
    List<LoadUsers.User> users = rig.users().login();
    canary = users.get(0);
    attacker = users.get(1);
    return canary(rig, "quiet");
  }

  @Override
  public Workload service(Rig rig) {
    return canary(rig, "while attacked");
  }

  @Override
  public Background background(Rig rig) {
    return new Attackers(rig.generator().vertx(), rig.system().gateway(), rig.attackers(),
        HostileInputs.worst(attacker.accessToken()));
  }

  private Workload canary(Rig rig, String when) {
    List<Call> reads = List.of(Call.get("/api/v1/users/me", canary.accessToken()),
        Call.get("/api/v1/resumes", canary.accessToken()));
    return new HttpWorkload("canary GET /api/v1/users/me and /api/v1/resumes in turn, " + when, rig.system().gateway(),
        CANARY_CONNECTIONS, false, rig.services(), (index, lanes) -> Conversation.rotating(reads));
  }
}
