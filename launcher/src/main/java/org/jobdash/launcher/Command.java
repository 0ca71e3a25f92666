package org.jobdash.launcher;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the command line asks for.
 *
 * @param services      the services to run or migrate; every one unless {@code --service} names some
 * @param gateway       run the gateway in this process as well
 * @param configFile    the {@code --config} file, or null
 * @param targetVersion the version a {@code rollback} goes back to, or null
 */
record Command(Verb verb, Set<Service> services, boolean gateway, boolean cluster, Path configFile,
               Integer targetVersion) {

  enum Verb { RUN, MIGRATE, ROLLBACK, HELP }
}
