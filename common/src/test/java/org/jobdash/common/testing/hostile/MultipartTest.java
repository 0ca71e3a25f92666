package org.jobdash.common.testing.hostile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartTest {

  @Test
  void namesAndValuesGoOutRawOnlyQuotesAndLineBreaksEncoded() {
    Multipart form = new Multipart().field("title", "My\u0000CV")
        .file("file", "a\"b\r\n" + "n".repeat(5_000) + ".pdf", "application/pdf", new byte[] {1, 2, 3});
    String body = new String(form.toBytes(), StandardCharsets.UTF_8);
    String boundary = form.contentType().substring(form.contentType().indexOf("boundary=") + 9);

    assertThat(body).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy\u0000CV\r\n");
    assertThat(body).contains("filename=\"a%22b%0D%0A" + "n".repeat(5_000) + ".pdf\"\r\nContent-Type: application/pdf");
    assertThat(body).endsWith("\u0001\u0002\u0003\r\n--" + boundary + "--\r\n");
  }
}
