package org.jobdash.load.scenario;

import org.jobdash.load.gen.Workload;
import org.jobdash.load.system.LoadUsers;

import java.util.List;

/**
 * 6. Many connections: 2,000 keep-alive connections held open, every one of them sending authenticated reads in
 * turn; against the bare read server over as many connections. The service must answer without error, with
 * p99 under 250 ms, and log no blocked-thread warning.
 */
public final class WideConnections implements Scenario {

  private List<LoadUsers.User> users;

  @Override
  public int number() {
    return 6;
  }

  @Override
  public String title() {
    return "2,000 connections";
  }

  @Override
  public String unit() {
    return "reads";
  }

  @Override
  public Goal goal() {
    return new Goal("0 errors and p99 < 250 ms over 2,000 keep-alive connections, no blocked-thread warning", 0, 250,
        true);
  }

  @Override
  public Workload service(Rig rig) throws Exception {
    users = rig.users().login();
    return AuthenticatedRead.reads(rig, users, rig.wideConnections(), true);
  }

  @Override
  public Workload floor(Rig rig) {
    return AuthenticatedRead.bareReads(rig, users, rig.wideConnections(), true);
  }

  @Override
  public boolean floorInReadServer() {
    return true;
  }
}
