package org.jobdash.common.testing.hostile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HostileUrisTest {

  @Test
  void pathSegmentsStayOneSegmentOnTheRequestLine() {
    assertThat(HostileUris.pathSegments()).allSatisfy(s -> assertThat(s.value()).doesNotContain("/", "?", "#", " "));
    assertThat(HostileUris.queryValues("string", null, null, 255)).allSatisfy(s -> assertThat(s.value())
        .doesNotContain("&", "#", " ", "+"));
  }

  @Test
  void encodingWritesUtf8AndAnUnpairedSurrogateAsTheBytesALaxEncoderWouldWrite() {
    assertThat(HostileUris.encode("a b/\u00E9")).isEqualTo("a%20b%2F%C3%A9");
    assertThat(HostileUris.encode("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
    assertThat(HostileUris.encode("\uD800")).isEqualTo("%ED%A0%80");
  }

  @Test
  void queryTextFitsARequestLineOfFourKilobytes() {
    assertThat(HostileUris.queryValues("string", null, null, null))
        .filteredOn(v -> !v.name().equals("5000-chars"))
        .allSatisfy(v -> assertThat(v.value().getBytes(StandardCharsets.US_ASCII).length).isLessThan(3_700));
  }

  @Test
  void integerValuesIncludeBothSidesOfTheDocumentedRange() {
    assertThat(HostileUris.queryValues("integer", 1L, 100L, null)).extracting(Named::value).contains("0", "101",
        "abc", "99999999999999999999");
  }
}
