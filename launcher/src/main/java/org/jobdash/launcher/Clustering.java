package org.jobdash.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Hazelcast cluster of the services' processes. Hazelcast's default discovery (multicast, cloud
 * auto-detection) fails in many environments, so members are listed by TCP/IP (loopback by default) and
 * every address is explicit.
 */
final class Clustering {

  private Clustering() {}

  static VertxBuilder clustered(VertxBuilder builder, VertxOptions options, JsonObject cluster) {
    String iface = cluster.getString("interface", "127.0.0.1");
    System.setProperty("hazelcast.local.localAddress", iface);
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("hazelcast.phone.home.enabled", "false");
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(cluster.getString("name", "jobdash"));
    hazelcast.setProperty("hazelcast.discovery.enabled", "false");
    ClusterBuckets.prepare(hazelcast);
    hazelcast.getNetworkConfig().setPort(cluster.getInteger("port", 5701)).setPortAutoIncrement(true);
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(iface);
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (Object member : cluster.getJsonArray("members", new JsonArray().add("127.0.0.1"))) {
      join.getTcpIpConfig().addMember(String.valueOf(member));
    }
    EventBusOptions eventBus = options.getEventBusOptions()
        .setHost(cluster.getString("eventBusHost", iface))
        .setPort(cluster.getInteger("eventBusPort", 0));
    String publicHost = cluster.getString("eventBusPublicHost");
    if (publicHost != null) {
      eventBus.setClusterPublicHost(publicHost);
    }
    return builder.with(options).withClusterManager(new HazelcastClusterManager(hazelcast));
  }
}
