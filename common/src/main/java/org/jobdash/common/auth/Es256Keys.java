package org.jobdash.common.auth;

import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An ES256 (EC P-256) key pair as PEM texts, with its RFC 7638 thumbprint as {@code kid} and its public JWK.
 */
public record Es256Keys(String privateKeyPem, String publicKeyPem, String kid, JsonObject publicJwk) {

  public static Es256Keys generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    return of(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  public static Es256Keys of(String privatePem, String publicPem) throws GeneralSecurityException {
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
    return new Es256Keys(privatePem, publicPem, kid, jwk);
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
    return "Es256Keys[kid=" + kid + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Es256Keys k && k.kid.equals(kid);
  }

  @Override
  public int hashCode() {
    return kid.hashCode();
  }
}
