package org.jobdash.user.token;

import io.vertx.core.json.JsonObject;
import org.jobdash.user.UserConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ES256 key pair that signs access tokens: PEMs from configuration, or a pair generated once and kept in
 * the key directory (the embedded default keeps it under {@code ./data/jwt}). The {@code kid} is the RFC 7638
 * thumbprint of the public key. Loading does file IO: call it off the event loop.
 */
public record SigningKeys(String privateKeyPem, String publicKeyPem, String kid, JsonObject publicJwk) {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final String PRIVATE_FILE = "es256-private.pem";
  private static final String PUBLIC_FILE = "es256-public.pem";

  public static synchronized SigningKeys load(UserConfig.Jwt config) {
    try {
      if (config.privateKeyPem() != null && config.publicKeyPem() != null) {
        return of(config.privateKeyPem(), config.publicKeyPem());
      }
      if (config.privateKeyPem() != null || config.publicKeyPem() != null) {
        throw new IllegalArgumentException("user.jwt needs both privateKeyPem and publicKeyPem, or neither");
      }
      Path dir = Path.of(config.keyDirectory());
      Path privateFile = dir.resolve(PRIVATE_FILE);
      Path publicFile = dir.resolve(PUBLIC_FILE);
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return of(Files.readString(privateFile), Files.readString(publicFile));
      }
      SigningKeys generated = generate();
      Files.createDirectories(dir);
      Files.writeString(publicFile, generated.publicKeyPem());
      Files.writeString(privateFile, generated.privateKeyPem());
      try {
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      log.info("generated a new ES256 signing key {} in {}", generated.kid(), dir.toAbsolutePath());
      return generated;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the JWT signing keys: " + e.getMessage(), e);
    }
  }

  public static SigningKeys generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    return of(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  public static SigningKeys of(String privatePem, String publicPem) throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("EC");
    factory.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
    ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(der(publicPem)));
    if (publicKey.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new GeneralSecurityException("the JWT key must be an EC P-256 key (ES256)");
    }
    String x = b64(unsigned(publicKey.getW().getAffineX()));
    String y = b64(unsigned(publicKey.getW().getAffineY()));
    String thumbprintInput = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
    String kid = b64(MessageDigest.getInstance("SHA-256").digest(thumbprintInput.getBytes(StandardCharsets.UTF_8)))
        .substring(0, 16);
    JsonObject jwk = new JsonObject().put("kty", "EC").put("crv", "P-256").put("x", x).put("y", y)
        .put("kid", kid).put("alg", "ES256").put("use", "sig");
    return new SigningKeys(privatePem, publicPem, kid, jwk);
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length == 32) {
      return bytes;
    }
    byte[] out = new byte[32];
    if (bytes.length > 32) {
      System.arraycopy(bytes, bytes.length - 32, out, 0, 32);
    } else {
      System.arraycopy(bytes, 0, out, 32 - bytes.length, bytes.length);
    }
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "SigningKeys[kid=" + kid + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKeys k && k.kid.equals(kid);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(kid.getBytes(StandardCharsets.UTF_8));
  }
}
