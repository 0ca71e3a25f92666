package org.jobdash.common.testing.hostile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HostileTokensTest {

  private final KeyPair real = HostileTokens.newKeyPair();
  private final String token = HostileTokens.signed(real.getPrivate(), "kid-1",
      HostileTokens.claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1_700_000_000L, 1_700_000_900L));

  @Test
  void aSignedTokenVerifiesWithItsKeyAndAForgedOneDoesNot() throws Exception {
    String forged = HostileTokens.forged(token);

    assertThat(verifies(token, real.getPublic())).isTrue();
    assertThat(forged.substring(0, forged.lastIndexOf('.'))).isEqualTo(token.substring(0, token.lastIndexOf('.')));
    assertThat(verifies(forged, real.getPublic())).isFalse();
    assertThat(decode(token, 0)).isEqualTo("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"kid-1\"}");
    assertThat(decode(token, 1)).contains("\"exp\":1700000900").contains("\"aud\":\"jobdash\"");
  }

  @Test
  void algNoneCarriesTheClaimsUnsigned() {
    String none = HostileTokens.algNone(token);

    assertThat(decode(none, 0)).contains("\"alg\":\"none\"");
    assertThat(decode(none, 1)).isEqualTo(decode(token, 1));
    assertThat(none).endsWith(".");
  }

  @Test
  void tamperedRolesKeepTheGenuineSignatureOverClaimsThatNoLongerMatchIt() throws Exception {
    String tampered = HostileTokens.tamperedRoles(token);

    assertThat(decode(tampered, 1)).contains("\"roles\":[\"admin\",\"user\"]");
    assertThat(tampered.substring(tampered.lastIndexOf('.'))).isEqualTo(token.substring(token.lastIndexOf('.')));
    assertThat(verifies(tampered, real.getPublic())).isFalse();
  }

  @Test
  void hs256IsKeyedWithTheGivenSecret() {
    String confused = HostileTokens.hs256(token, "public key pem".getBytes(StandardCharsets.US_ASCII));

    assertThat(decode(confused, 0)).contains("\"alg\":\"HS256\"");
    assertThat(confused.split("\\.")).hasSize(3);
  }

  @Test
  void malformedHeadersAreDistinctAndNoneIsTheValidHeader() {
    var headers = HostileTokens.malformedHeaders(token);

    assertThat(headers).extracting(Named::name).doesNotHaveDuplicates();
    assertThat(headers).extracting(Named::value).doesNotContain("Bearer " + token).doesNotHaveDuplicates();
  }

  private static boolean verifies(String jws, PublicKey key) throws Exception {
    String[] parts = jws.split("\\.");
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initVerify(key);
    s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return s.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  private static String decode(String jws, int part) {
    return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[part]), StandardCharsets.UTF_8);
  }
}
