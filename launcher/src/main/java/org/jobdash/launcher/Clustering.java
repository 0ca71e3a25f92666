package org.jobdash.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.jobdash.common.config.Settings;
import org.jobdash.common.text.Text;

/**
 * The Hazelcast cluster of the services' processes. Hazelcast's default discovery (multicast, cloud
 * auto-detection) fails in many environments, so members are listed by TCP/IP (loopback by default) and
 * every address is explicit.
 */
final class Clustering {

  private Clustering() {}

  /**
   * @param json the merged {@code cluster} section, read strictly (its defaults are in the launcher's file)
   * @param tls  this member's event-bus certificate, key and CA ({@link EventBusTls#read}), or null for plaintext
   */
  static VertxBuilder clustered(VertxBuilder builder, VertxOptions options, JsonObject json, EventBusTls.Member tls) {
    Settings cluster = Settings.of("cluster", json);
    String iface = cluster.text("interface");
    System.setProperty("hazelcast.local.localAddress", iface);
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("hazelcast.phone.home.enabled", "false");
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(cluster.text("name"));
    hazelcast.setProperty("hazelcast.discovery.enabled", "false");
    ClusterBuckets.prepare(hazelcast);
    hazelcast.getNetworkConfig().setPort(cluster.integer("port")).setPortAutoIncrement(true);
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(iface);
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (String member : cluster.texts("members")) {
      join.getTcpIpConfig().addMember(member);
    }
    EventBusOptions eventBus = options.getEventBusOptions()
        .setHost(cluster.text("eventBusHost"))
        .setPort(cluster.integer("eventBusPort"));
    String publicHost = Text.blankToNull(cluster.nullableText("eventBusPublicHost"));
    if (publicHost != null) {
      eventBus.setClusterPublicHost(publicHost);
    }
    EventBusTls.apply(eventBus, tls);
    return builder.with(options).withClusterManager(new HazelcastClusterManager(hazelcast));
  }
}
