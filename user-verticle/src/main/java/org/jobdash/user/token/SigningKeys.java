package org.jobdash.user.token;

import org.jobdash.common.auth.Es256Keys;
import org.jobdash.user.UserConfig;
import org.jobdash.user.security.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

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
      PrivateFiles.createPrivateDirectory(dir);
      // the private key never exists with wider permissions, nor half-written under its name
      PrivateFiles.writeAtomically(dir, publicFile, generated.publicKeyPem());
      PrivateFiles.writeAtomically(dir, privateFile, generated.privateKeyPem());
      log.info("generated a new ES256 signing key {} in {}", generated.kid(), dir.toAbsolutePath());
      return generated;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the JWT signing keys: " + e.getMessage(), e);
    }
  }
}
