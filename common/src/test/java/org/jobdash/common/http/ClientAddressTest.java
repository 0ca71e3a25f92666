package org.jobdash.common.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

  @Test
  void trustsAddressesAndCidrBlocks() {
    ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5", "::1"));
    assertThat(addresses.isTrusted("10.20.30.40")).isTrue();
    assertThat(addresses.isTrusted("11.0.0.1")).isFalse();
    assertThat(addresses.isTrusted("192.168.1.5")).isTrue();
    assertThat(addresses.isTrusted("192.168.1.6")).isFalse();
    assertThat(addresses.isTrusted("::1")).isTrue();
    assertThat(addresses.isTrusted("example.com")).isFalse();
  }

  @Test
  void nothingIsTrustedByDefault() {
    assertThat(new ClientAddress(List.of()).isTrusted("127.0.0.1")).isFalse();
  }
}
