package org.jobdash.resume.upload;

import org.jobdash.common.http.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadProblemsTest {

  @Test
  void anUnreadableFileIsA422WhoseTypeNamesTheReason() {
    assertProblem(UploadProblems.corrupt("PDF"), 422, "corrupt");
    assertProblem(UploadProblems.encrypted("Word"), 422, "encrypted");
    assertProblem(UploadProblems.decompressionBomb("a stream inflates past 64 MiB"), 422, "decompression-bomb");
    assertProblem(UploadProblems.tooManyPages("20000", 100), 422, "too-many-pages");
    assertProblem(UploadProblems.xmlEntityExpansion("word/document.xml"), 422, "xml-entity-expansion");
    assertThat(UploadProblems.tooManyPages("more than 100", 100).detail())
        .isEqualTo("The PDF has more than 100 pages; at most 100 are accepted");
  }

  @Test
  void tooMuchTextIsA413() {
    assertProblem(UploadProblems.textTooLong("1000001", 1_000_000), 413, "too-large");
    assertProblem(UploadProblems.pageTooDense(3, 50_000), 413, "too-large");
  }

  private static void assertProblem(ApiException e, int status, String type) {
    assertThat(e.status()).as(type).isEqualTo(status);
    assertThat(e.type()).isEqualTo(type);
    assertThat(e.detail()).isNotBlank();
  }
}
