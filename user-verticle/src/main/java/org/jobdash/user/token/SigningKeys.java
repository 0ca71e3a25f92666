package org.jobdash.user.token;

import org.jobdash.common.auth.Es256Keys;
import org.jobdash.user.UserConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * Finds the key pair that signs access tokens: PEMs from configuration, or a pair generated once and kept in
 * the key directory (the embedded default keeps it under {@code ./data/jwt}). Does file IO: call it off the
 * event loop.
 */
public final class SigningKeys {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final String PRIVATE_FILE = "es256-private.pem";
  private static final String PUBLIC_FILE = "es256-public.pem";

  private SigningKeys() {}

  public static synchronized Es256Keys load(UserConfig.Jwt config) {
    try {
      if (config.privateKeyPem() != null && config.publicKeyPem() != null) {
        return Es256Keys.of(config.privateKeyPem(), config.publicKeyPem());
      }
      if (config.privateKeyPem() != null || config.publicKeyPem() != null) {
        throw new IllegalArgumentException("user.jwt needs both privateKeyPem and publicKeyPem, or neither");
      }
      Path dir = Path.of(config.keyDirectory());
      Path privateFile = dir.resolve(PRIVATE_FILE);
      Path publicFile = dir.resolve(PUBLIC_FILE);
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return Es256Keys.of(Files.readString(privateFile), Files.readString(publicFile));
      }
      Es256Keys generated = Es256Keys.generate();
      createPrivateDirectory(dir);
      // the private key never exists with wider permissions, nor half-written under its name
      writeAtomically(dir, publicFile, generated.publicKeyPem());
      writeAtomically(dir, privateFile, generated.privateKeyPem());
      log.info("generated a new ES256 signing key {} in {}", generated.kid(), dir.toAbsolutePath());
      return generated;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the JWT signing keys: " + e.getMessage(), e);
    }
  }

  private static boolean posix(Path dir) {
    return dir.toAbsolutePath().getRoot() != null
        && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates the key directory (and missing parents) as rwx------; an existing one is narrowed to that. */
  private static void createPrivateDirectory(Path dir) throws IOException {
    if (!posix(dir)) {
      Files.createDirectories(dir);
      return;
    }
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
    Files.setPosixFilePermissions(dir, owner);
  }

  /** Writes a file created rw------- (a temporary file's permissions) and moves it into place in one step. */
  private static void writeAtomically(Path dir, Path target, String text) throws IOException {
    Path temporary = posix(dir)
        ? Files.createTempFile(dir, ".key-", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".key-", ".tmp");
    try {
      Files.writeString(temporary, text);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
