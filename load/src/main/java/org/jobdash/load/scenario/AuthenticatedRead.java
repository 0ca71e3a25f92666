package org.jobdash.load.scenario;

import org.jobdash.load.gen.Served;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Call;
import org.jobdash.load.http.Conversation;
import org.jobdash.load.system.LoadUsers;

import java.util.List;

/**
 * 2. Authenticated read: {@code GET /api/v1/users/me} with the load accounts' access tokens in turn, against
 * the bare read server doing the same single-row read for the same accounts and sessions; 64 connections each.
 */
public final class AuthenticatedRead implements Scenario {

  static final int CONNECTIONS = 64;

  private List<LoadUsers.User> users;

  @Override
  public int number() {
    return 2;
  }

  @Override
  public String title() {
    return "authenticated read";
  }

  @Override
  public String unit() {
    return "reads";
  }

  @Override
  public Goal goal() {
    return new Goal("≥ 0.6× a bare Vert.x route doing the same read (rates searched under p99 ≤ 50 ms)", 0.6, 50,
        false);
  }

  @Override
  public Workload service(Rig rig) throws Exception {
    users = rig.users().login();
    return reads(rig, users, CONNECTIONS, false);
  }

  @Override
  public Workload floor(Rig rig) {
    return bareReads(rig, users, CONNECTIONS, false);
  }

  @Override
  public boolean floorInReadServer() {
    return true;
  }

  /** The service side of reads, over {@code connections} connections. */
  static Workload reads(Rig rig, List<LoadUsers.User> users, int connections, boolean pinned) {
    List<Call> calls = users.stream().map(u -> Call.get("/api/v1/users/me", u.accessToken())).toList();
    return new HttpWorkload("GET /api/v1/users/me", rig.system().user(), connections, pinned, rig.services(),
        (index, lanes) -> Conversation.rotating(calls));
  }

  /** The floor side: the bare read server, for the same accounts and sessions. */
  static Workload bareReads(Rig rig, List<LoadUsers.User> users, int connections, boolean pinned) {
    List<Call> calls = users.stream().map(u -> Call.get("/users/" + u.id() + "/sessions/" + u.sessionId(), null))
        .toList();
    return new HttpWorkload("GET (bare route, same row)", rig.readServerTarget(), connections, pinned,
        Served.process("the bare read server's JVM", rig.readServer().handle()),
        (index, lanes) -> Conversation.rotating(calls));
  }
}
