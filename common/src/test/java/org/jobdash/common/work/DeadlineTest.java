package org.jobdash.common.work;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineTest {

  @Test
  void checkPassesBeforeTheDeadlineAndFailsAfterIt() throws InterruptedException {
    Deadline deadline = Deadline.after(Duration.ofMillis(30));
    deadline.check();
    Thread.sleep(40);
    assertThatThrownBy(deadline::check).isInstanceOf(Deadline.Exceeded.class)
        .satisfies(e -> assertThat(((Deadline.Exceeded) e).status()).isEqualTo(422));
  }

  @Test
  void cancelledWorkFailsItsNextCheck() {
    Deadline deadline = Deadline.after(Duration.ofMinutes(1));
    deadline.cancel();
    assertThatThrownBy(deadline::check).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("cancelled");
  }

  @Test
  void aWatchedTextStopsAMatchInProgress() {
    Deadline deadline = Deadline.after(Duration.ofMinutes(1));
    CharSequence text = deadline.watch("a".repeat(200_000));
    deadline.cancel();
    assertThatThrownBy(() -> Pattern.compile("b").matcher(text).find()).isInstanceOf(Deadline.Exceeded.class);
  }

  @Test
  void aWatchedTextReadsLikeTheOriginal() {
    Deadline deadline = Deadline.after(Duration.ofMinutes(1));
    CharSequence text = deadline.watch("Led a team of six chefs");
    assertThat(text.length()).isEqualTo(23);
    assertThat(text.subSequence(6, 12).toString()).isEqualTo("team o");
    assertThat(Pattern.compile("team of (\\w+)").matcher(text).find()).isTrue();
  }
}
