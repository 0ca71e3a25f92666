package org.jobdash.launcher;

import org.jobdash.common.testing.TestClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system (the three services and the gateway) started in this JVM, for tests outside this package: every
 * server on a free port, the embedded PostgreSQL and keys under {@code dataDir}, no mail, and any other setting
 * given as the environment would give it.
 */
public final class InProcessSystem {

  private InProcessSystem() {}

  /** @param settings environment-style settings ({@code JOBDASH__user__…}, {@code JWT_PRIVATE_KEY_PEM} …) */
  public static Launcher.Running start(Path dataDir, Map<String, String> settings) throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.put("JOBDASH_DATA_DIR", dataDir.toString());
    for (String service : new String[] {"USER", "RESUME", "AI"}) {
      env.putIfAbsent(service + "_SERVICE_PORT", Integer.toString(TestClient.freePort()));
    }
    env.putIfAbsent("GATEWAY_PORT", Integer.toString(TestClient.freePort()));
    env.putIfAbsent("MAIL_MODE", "none");
    Command command = CommandLine.parse(new String[0]);
    return Launcher.start(Configuration.load(command, env), command.services(), true, false,
        Launcher.vertxBuilder());
  }
}
