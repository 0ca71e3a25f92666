package org.jobdash.user.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts the secrets the service must read back (TOTP secrets, PKCE verifiers) with AES-256-GCM: a random 96-bit
 * nonce per value, stored before the ciphertext and its tag; the associated data binds a value to its row, so a
 * ciphertext copied to another row does not decrypt. Microseconds per value: fine on an event loop.
 */
public final class SecretBox {

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
  private static final String KEY_FILE = "aes-256-gcm.key";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("user.mfa.encryptionKey must be 32 bytes in base64 (openssl rand -base64 32)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  public static SecretBox of(byte[] key) {
    return new SecretBox(key);
  }

  /**
   * The key from configuration (base64 of 32 bytes), or, when none is set, one generated once and kept in
   * {@code keyDirectory}. Does file IO: call it off the event loop.
   */
  public static synchronized SecretBox load(String configuredKey, String keyDirectory) {
    try {
      if (configuredKey != null) {
        return new SecretBox(Base64.getDecoder().decode(configuredKey.strip()));
      }
      Path dir = Path.of(keyDirectory);
      Path file = dir.resolve(KEY_FILE);
      if (Files.exists(file)) {
        return new SecretBox(Base64.getDecoder().decode(Files.readString(file).strip()));
      }
      byte[] key = new byte[32];
      RANDOM.nextBytes(key);
      PrivateFiles.createPrivateDirectory(dir);
      PrivateFiles.writeAtomically(dir, file, Base64.getEncoder().encodeToString(key) + "\n");
      log.info("generated a new secret-encryption key in {}", dir.toAbsolutePath());
      return new SecretBox(key);
    } catch (IOException e) {
      throw new IllegalStateException("cannot load the secret-encryption key: " + e.getMessage(), e);
    }
  }

  public byte[] seal(byte[] plain, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The plain value; fails when the value was altered, sealed with another key or for other associated data. */
  public byte[] open(byte[] sealed, byte[] associatedData) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("a sealed value is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a sealed value does not open with this key", e);
    }
  }
}
