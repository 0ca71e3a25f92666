package org.jobdash.load.scenario;

import org.jobdash.load.gen.Generator;
import org.jobdash.load.gen.Served;
import org.jobdash.load.http.Target;
import org.jobdash.load.system.ChildJvm;
import org.jobdash.load.system.LoadUsers;
import org.jobdash.load.system.TargetSystem;
import org.jobdash.user.UserConfig;

/**
 * What the scenarios share: the generator, the system under test, its load accounts, the bare read server
 * (the floor of the authenticated reads), the user service's settings (password and token parameters), the AI
 * service's inference threads, how many connections scenario 6 holds and how many clients scenario 7 attacks with.
 */
public record Rig(Generator generator, TargetSystem system, LoadUsers users, ChildJvm readServer,
                  Target readServerTarget, UserConfig userConfig, int inferenceThreads, int wideConnections,
                  int attackers) {

  /** Where the services' work is measured: their JVM when this harness started it. */
  public Served services() {
    ChildJvm child = system.child();
    return child == null ? Served.unmeasured("the services (not started here)")
        : Served.process("the services' JVM", child.handle());
  }
}
