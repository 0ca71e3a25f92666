package org.jobdash.user.mfa;

import io.vertx.core.Future;
import io.vertx.ext.auth.otp.Authenticator;
import io.vertx.ext.auth.otp.OtpCredentials;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.totp.TotpAuth;
import io.vertx.ext.auth.otp.totp.TotpAuthOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

  /** RFC 6238's shared secret for SHA-1, "12345678901234567890", in base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void codesAreThoseOfRfc6238AppendixB() {
    // the appendix's 8-digit values, of which an app shows the last 6
    assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109))).isEqualTo("081804");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1111111111))).isEqualTo("050471");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890))).isEqualTo("005924");
    assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000))).isEqualTo("279037");
    assertThat(Totp.code(RFC_SECRET, Totp.step(20000000000L))).isEqualTo("353130");
  }

  @Test
  void aCodeMatchesItsStepAndOneStepOfDriftEitherSideOnly() {
    long now = 1_700_000_000L;
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).isEqualTo(step);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).isEqualTo(step - 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).isEqualTo(step + 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEqualTo(-1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEqualTo(-1);
    for (String junk : new String[] {null, "", "12345", "1234567", "12a456", "١٢٣٤٥٦"}) {
      assertThat(Totp.matchingStep(RFC_SECRET, junk, now)).as(String.valueOf(junk)).isEqualTo(-1);
    }
  }

  @Test
  void theLibrarysOwnCheckAcceptsOurCurrentCode() {
    String secret = Totp.newSecret();
    assertThat(new OtpKey().setKey(secret).getKeyBytes()).hasSize(20);
    TotpAuth library = TotpAuth.create(new TotpAuthOptions())
        .authenticatorFetcher(id -> Future.succeededFuture(new Authenticator().setIdentifier(id).setKey(secret)
            .setAlgorithm("SHA1").setPeriod(30)))
        .authenticatorUpdater(a -> Future.succeededFuture());
    long now = System.currentTimeMillis() / 1000;
    if (30 - now % 30 < 2) {
      now += 2;
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String ours = Totp.code(secret, Totp.step(now));
    assertThat(library.authenticate(new OtpCredentials("me", ours)).succeeded()).isTrue();
  }

  @Test
  void theUriIsWhatAppsScan() {
    String uri = Totp.uri("JBSWY3DPEHPK3PXP", "Job Dashboard", "ada@example.com");
    assertThat(uri).startsWith("otpauth://totp/");
    URI parsed = URI.create(uri);
    assertThat(parsed.getQuery()).contains("secret=JBSWY3DPEHPK3PXP").contains("period=30");
    assertThat(uri).contains("issuer=Job+Dashboard").contains("ada%40example.com");
  }

  @Test
  void recoveryCodesAreTenDistinctAndTheirHashIgnoresCaseDashAndSpaces() {
    List<String> codes = RecoveryCodes.generate();
    assertThat(codes).hasSize(10);
    assertThat(new HashSet<>(codes)).hasSize(10);
    assertThat(codes).allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
    String code = codes.get(0);
    assertThat(RecoveryCodes.hash(code.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(code));
    assertThat(RecoveryCodes.hash(codes.get(1))).isNotEqualTo(RecoveryCodes.hash(code));
  }
}
