package org.jobdash.common.http;

import io.vertx.core.http.HttpServerRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's IP address. {@code X-Forwarded-For} is honoured only when the direct peer is a configured
 * trusted proxy (an address or a CIDR block); then the right-most address that is not itself a trusted proxy
 * is the client, so a client cannot forge its address by sending the header itself.
 */
public final class ClientAddress {

  private record Block(byte[] network, int prefix) {}

  private final List<Block> trusted = new ArrayList<>();
  /** The last peer judged: most requests come from the one peer of the last (a gateway, a proxy, a client). */
  private volatile Known last = new Known("", false);

  private record Known(String ip, boolean trusted) {}

  public ClientAddress(List<String> trustedProxies) {
    for (String entry : trustedProxies) {
      String[] parts = entry.strip().split("/", 2);
      byte[] address = parse(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or CIDR block");
      }
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      trusted.add(new Block(address, prefix));
    }
  }

  public String of(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (peer == null || trusted.isEmpty() || !peerTrusted(peer)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (parse(hop) == null) {
        return peer;
      }
      if (!isTrusted(hop) || i == 0) {
        return hop;
      }
    }
    return peer;
  }

  private boolean peerTrusted(String peer) {
    Known known = last;
    if (!known.ip().equals(peer)) {
      known = new Known(peer, isTrusted(peer));
      last = known;
    }
    return known.trusted();
  }

  boolean isTrusted(String ip) {
    byte[] address = parse(ip);
    if (address == null) {
      return false;
    }
    for (Block block : trusted) {
      if (block.network().length == address.length && matches(block, address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Block block, byte[] address) {
    int bits = block.prefix();
    for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
      if ((address[i] & mask) != (block.network()[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Parses a literal IPv4 or IPv6 address without any DNS lookup; null if it is not one. */
  private static byte[] parse(String text) {
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
