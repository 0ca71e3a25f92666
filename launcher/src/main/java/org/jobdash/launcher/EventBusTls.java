package org.jobdash.launcher;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.jobdash.common.config.Settings;
import org.jobdash.common.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mutual TLS on the clustered event bus: every process listens with its own certificate and connects with it,
 * and trusts only the peers whose certificate the cluster's CA signed ({@code clientAuth} required both ways).
 * A process that joined Hazelcast without such a certificate learns the handlers' addresses but can neither
 * send to them nor receive what is sent to its own: its connections fail the handshake.
 *
 * <p>{@code cluster.tls} holds three PEM files: {@code certificate} (this member's chain), {@code key} (its
 * private key, PKCS#8 or PKCS#1) and {@code ca} (the CA that signs every member). A cluster without them does not
 * start unless {@code required} is false, and then says once that its bus is plaintext.
 */
final class EventBusTls {

  private static final Logger log = LoggerFactory.getLogger(EventBusTls.class);
  static final String VARIABLES = "EVENT_BUS_TLS_CERT, EVENT_BUS_TLS_KEY and EVENT_BUS_TLS_CA";

  /** What the settings ask for; read before anything starts, so that a mistake stops the process at once. */
  record Member(Path certificate, Path key, Path ca) {}

  private EventBusTls() {}

  /**
   * The member's files, or null when {@code required} is false and none is given.
   *
   * @throws IllegalArgumentException when some are given and not others, a file is unreadable, or none is given
   *                                  and TLS is required
   */
  static Member read(Settings tls) {
    String certificate = Text.blankToNull(tls.nullableText("certificate"));
    String key = Text.blankToNull(tls.nullableText("key"));
    String ca = Text.blankToNull(tls.nullableText("ca"));
    if (certificate == null && key == null && ca == null) {
      if (tls.flag("required")) {
        throw new IllegalArgumentException("a cluster's event bus runs with mutual TLS: set " + VARIABLES
            + " (PEM files: this member's certificate, its private key, the CA that signs every member), or, on a"
            + " network only the cluster's members reach, JOBDASH__cluster__tls__required=false");
      }
      return null;
    }
    List<String> missing = new ArrayList<>();
    if (certificate == null) {
      missing.add("EVENT_BUS_TLS_CERT (cluster.tls.certificate)");
    }
    if (key == null) {
      missing.add("EVENT_BUS_TLS_KEY (cluster.tls.key)");
    }
    if (ca == null) {
      missing.add("EVENT_BUS_TLS_CA (cluster.tls.ca)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the event bus's TLS needs all three PEM files; missing: "
          + String.join(", ", missing));
    }
    return new Member(readable(certificate, "certificate"), readable(key, "key"), readable(ca, "ca"));
  }

  private static Path readable(String file, String what) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("cluster.tls." + what + ": " + file + " is not a readable file");
    }
    return path.toAbsolutePath();
  }

  /** Configures {@code eventBus} with the member's files, or warns once that it stays plaintext. */
  static void apply(EventBusOptions eventBus, Member files) {
    if (files == null) {
      log.warn("the clustered event bus is plaintext and unauthenticated (cluster.tls.required=false): any process"
          + " that joins the cluster can read and send its messages; fence the network, see the README");
      return;
    }
    eventBus.setSsl(true)
        .setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(files.certificate().toString())
            .setKeyPath(files.key().toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(files.ca().toString()));
    eventBus.setEnabledSecureTransportProtocols(Set.of("TLSv1.3", "TLSv1.2"));
    log.info("event bus: mutual TLS with the members the CA in {} signed", files.ca());
  }
}
