package org.jobdash.user.token;

import org.jobdash.common.auth.Es256Keys;
import org.jobdash.user.UserConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

  private static UserConfig.Jwt in(Path dir) {
    return new UserConfig.Jwt("jobdash-user-service", "jobdash", Duration.ofMinutes(15), null, null, dir.toString());
  }

  @Test
  void aGeneratedKeyIsOwnerOnlyInAnOwnerOnlyDirectoryAndIsKeptForTheNextStart(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("data").resolve("jwt");

    Es256Keys first = SigningKeys.load(in(dir));
    Es256Keys again = SigningKeys.load(in(dir));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("es256-private.pem"))))
        .isEqualTo("rw-------");
    assertThat(again.kid()).isEqualTo(first.kid());
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
          "es256-private.pem", "es256-public.pem");
    }
  }

  @Test
  void anExistingWideDirectoryIsNarrowed(@TempDir Path temp) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("keys"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    SigningKeys.load(in(dir));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
  }
}
