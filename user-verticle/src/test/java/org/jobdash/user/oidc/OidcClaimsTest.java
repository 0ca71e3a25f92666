package org.jobdash.user.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.user.UserConfig;
import org.jobdash.user.security.Secrets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OidcClaimsTest {

  private static final UserConfig.OidcProvider P = new UserConfig.OidcProvider("corp", "https://id.example.com",
      "app", null, List.of("https://app.example.com/cb"));
  private static final byte[] NONCE = Secrets.sha256("the-nonce");

  private static JsonObject token() {
    return new JsonObject().put("iss", "https://id.example.com/").put("aud", new JsonArray().add("app"))
        .put("sub", "248289761001").put("nonce", "the-nonce").put("email", "ada@example.com")
        .put("email_verified", true).put("name", "Ada");
  }

  @Test
  void aTokenThatPassesEveryCheckGivesItsClaims() {
    OidcRepository.Claims claims = OidcService.claims(P, token(), NONCE);
    assertThat(claims).isEqualTo(new OidcRepository.Claims("corp", "248289761001", "ada@example.com", true, "Ada"));
    assertThat(OidcService.claims(P, token().put("aud", "app").put("email_verified", "false"), NONCE).emailVerified())
        .isFalse();
  }

  @Test
  void aWrongNonceIssuerAudienceOrMissingSubjectOrAddressIsRefused() {
    assertThat(OidcService.claims(P, null, NONCE)).isNull();
    assertThat(OidcService.claims(P, token().put("nonce", "another"), NONCE)).isNull();
    assertThat(OidcService.claims(P, token().remove("nonce") == null ? token() : token().put("nonce", 5), NONCE))
        .isNull();
    assertThat(OidcService.claims(P, token().put("iss", "https://evil.example.com"), NONCE)).isNull();
    assertThat(OidcService.claims(P, token().put("aud", new JsonArray().add("someone-else")), NONCE)).isNull();
    assertThat(OidcService.claims(P, token().putNull("sub"), NONCE)).isNull();
    assertThat(OidcService.claims(P, token().put("email", "no-at-sign"), NONCE)).isNull();
  }

  @Test
  void usernamesComeFromTheAddressKeptToSafeCharacters() {
    assertThat(OidcService.username("Ada.O'Kafor+x@example.com")).matches("ada\\.okaforx_[0-9a-f]{8}");
    assertThat(OidcService.username("日本@example.com")).matches("user_[0-9a-f]{8}");
    assertThat(OidcService.username("a".repeat(80) + "@example.com")).hasSize(30 + 9);
  }
}
