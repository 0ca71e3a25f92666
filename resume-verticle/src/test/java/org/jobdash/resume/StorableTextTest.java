package org.jobdash.resume;

import org.jobdash.common.http.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorableTextTest {

  @Test
  void textWithoutNulOrUnpairedSurrogatesCanBeStored() {
    assertThat(StorableText.problem("Jane Doe – São Paulo \uD83D\uDE00")).isNull();
    assertThat(StorableText.problem("")).isNull();
  }

  @Test
  void nulAndUnpairedSurrogatesAreNamed() {
    assertThat(StorableText.problem("a\u0000b")).contains("NUL");
    assertThat(StorableText.problem("a\uD800")).contains("surrogate");
    assertThat(StorableText.problem("\uDC00a")).contains("surrogate");
    assertThat(StorableText.problem("\uD83D\uD83D\uDE00")).contains("surrogate");
    assertThatThrownBy(() -> StorableText.require("title", "x\uDFFF")).isInstanceOf(ApiException.Invalid.class)
        .hasMessageContaining("title");
  }
}
