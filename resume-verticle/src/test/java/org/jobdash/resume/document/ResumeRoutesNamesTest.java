package org.jobdash.resume.document;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ResumeRoutesNamesTest {

  @Test
  void aFileNameLosesItsDirectoriesControlCharactersAndUnpairedSurrogates() {
    assertThat(ResumeRoutes.originalName("C:\\Users\\ana\\CV 2024.pdf")).isEqualTo("CV 2024.pdf");
    assertThat(ResumeRoutes.originalName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(ResumeRoutes.originalName("a\u0000b\u0007c\u009F\uD800.docx")).isEqualTo("abc.docx");
    assertThat(ResumeRoutes.originalName("CV \uD83D\uDE00.pdf")).isEqualTo("CV \uD83D\uDE00.pdf");
    assertThat(ResumeRoutes.originalName(" \u0001 ")).isNull();
    assertThat(ResumeRoutes.originalName(null)).isNull();
  }

  @Test
  void theDispositionHasAnAsciiNameAndTheUtf8One() {
    assertThat(ResumeRoutes.disposition("Mia Wong – CV \"2\" \\ \uD83D\uDE00.docx"))
        .isEqualTo("attachment; filename=\"Mia Wong _ CV _2_ _ _.docx\"; "
            + "filename*=UTF-8''Mia%20Wong%20%E2%80%93%20CV%20%222%22%20%5C%20%F0%9F%98%80.docx");
    assertThat(ResumeRoutes.disposition(null)).isEqualTo("attachment; filename=\"resume\"; filename*=UTF-8''resume");
  }

  @Test
  void longHostileNamesAreCleanedInLinearTime() {
    String name = ("\u0001a/\\" + "\uD800").repeat(250_000);

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      ResumeRoutes.originalName(name);
      ResumeRoutes.disposition(name);
    });
  }
}
