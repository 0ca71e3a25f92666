package org.jobdash.user.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

  private static final byte[] ROW = "row-1".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedValueOpensOnlyWithItsKeyAndItsRow() {
    SecretBox box = SecretBox.of(new byte[32]);
    byte[] plain = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = box.seal(plain, ROW);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("JBSWY3DPEHPK3PXP");
    assertThat(box.seal(plain, ROW)).as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThat(box.open(sealed, ROW)).isEqualTo(plain);
    assertThatThrownBy(() -> box.open(sealed, "row-2".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertThatThrownBy(() -> SecretBox.of(otherKey).open(sealed, ROW)).isInstanceOf(IllegalStateException.class);
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> box.open(tampered, ROW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open(new byte[5], ROW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aConfiguredKeyMustBe32BytesAndAGeneratedOneIsKeptPrivately(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> SecretBox.load(Base64.getEncoder().encodeToString(new byte[16]), dir.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    Path keys = dir.resolve("secrets");
    SecretBox first = SecretBox.load(null, keys.toString());
    byte[] sealed = first.seal(new byte[] {1, 2, 3}, ROW);
    assertThat(SecretBox.load(null, keys.toString()).open(sealed, ROW)).containsExactly(1, 2, 3);
    Path file = keys.resolve("aes-256-gcm.key");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }
}
