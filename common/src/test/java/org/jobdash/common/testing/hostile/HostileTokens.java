package org.jobdash.common.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens a verifier must refuse, made with the JDK alone: ES256 signatures by the wrong key, {@code alg:
 * none}, HS256 keyed with the public key (algorithm confusion), altered claims under a genuine signature, tokens
 * signed by the right key but expired or with claims of the wrong form, and {@code Authorization} headers of
 * every broken shape.
 */
public final class HostileTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

  private HostileTokens() {}

  /** A compact ES256 JWS of {@code header} and {@code claims} (encoded in order) signed with {@code key}. */
  public static String es256(Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
    String signingInput = part(HostileJson.encode(header)) + "." + part(HostileJson.encode(claims));
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed by {@code key} with {@code kid}: claims as the user service writes them, {@code exp} as given. */
  public static String signed(PrivateKey key, String kid, Map<String, ?> claims) {
    return es256(header("ES256", kid), claims, key);
  }

  /** The claims of an access token: issuer {@code jobdash-user-service}, audience {@code jobdash}. */
  public static Map<String, Object> claims(String sub, String sid, long issuedAt, long expiresAt) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", sub);
    claims.put("sid", sid);
    claims.put("roles", List.of("user"));
    claims.put("iss", "jobdash-user-service");
    claims.put("aud", "jobdash");
    claims.put("iat", issuedAt);
    claims.put("exp", expiresAt);
    return claims;
  }

  /** The token's own header and claims, signed by a key of nobody's. */
  public static String forged(String token) {
    String[] parts = token.split("\\.");
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(newKeyPair().getPrivate());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return parts[0] + "." + parts[1] + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token's claims under {@code {"alg":"none"}} and no signature. */
  public static String algNone(String token) {
    return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
  }

  /** The token's claims under HS256 keyed with {@code secret} (e.g. the public key's PEM: algorithm confusion). */
  public static String hs256(String token, byte[] secret) {
    String signingInput = part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1];
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token's genuine header and signature over claims that now also say {@code "roles":["admin"]}. */
  public static String tamperedRoles(String token) {
    String[] parts = token.split("\\.");
    String claims = new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8);
    String admin = claims.contains("\"roles\":[") ? claims.replace("\"roles\":[", "\"roles\":[\"admin\",")
        : claims.replaceFirst("\\{", "{\"roles\":[\"admin\"],");
    return parts[0] + "." + part(admin) + "." + parts[2];
  }

  /**
   * {@code Authorization} header values that carry no usable token, each named; {@code valid} is a genuine token
   * that some of them break.
   */
  public static List<Named<String>> malformedHeaders(String valid) {
    List<Named<String>> out = new ArrayList<>();
    out.add(new Named<>("scheme-only", "Bearer"));
    out.add(new Named<>("empty-token", "Bearer "));
    out.add(new Named<>("basic-scheme", "Basic dXNlcjpwYXNzd29yZA=="));
    out.add(new Named<>("other-scheme", "Token " + valid));
    out.add(new Named<>("one-part", "Bearer abc"));
    out.add(new Named<>("three-empty-parts", "Bearer .."));
    out.add(new Named<>("not-base64", "Bearer !!!.@@@.###"));
    out.add(new Named<>("header-not-json", "Bearer " + part("not json") + "." + part("{}") + ".c2ln"));
    out.add(new Named<>("four-parts", "Bearer " + valid + ".eA"));
    out.add(new Named<>("truncated-signature", "Bearer " + valid.substring(0, valid.length() - 6)));
    out.add(new Named<>("two-tokens", "Bearer " + valid + " " + valid));
    out.add(new Named<>("token-5000-chars", "Bearer " + "a".repeat(5_000)));
    return out;
  }

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An EC private key from its PKCS#8 PEM text. */
  public static PrivateKey privateKey(String pkcs8Pem) {
    String body = pkcs8Pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an EC PKCS#8 key", e);
    }
  }

  /** A header: {@code alg}, {@code typ} and, when given, {@code kid}. */
  public static Map<String, Object> header(String alg, String kid) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", alg);
    header.put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    return header;
  }

  private static String part(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
