package org.jobdash.resume.version;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinesTest {

  @Test
  void linesSplitAtNewlinesDropACarriageReturnBeforeOneAndKeepEmptyOnes() {
    assertThat(Lines.of("a\r\nb\n\nc\r")).containsExactly("a", "b", "", "c\r");
    assertThat(Lines.of("")).containsExactly("");
    assertThat(Lines.of("a\n")).containsExactly("a", "");
  }
}
