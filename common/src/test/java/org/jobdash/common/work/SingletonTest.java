package org.jobdash.common.work;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SingletonTest {

  @Test
  void theFirstClaimWinsUntilItIsReleased() {
    Vertx vertx = Vertx.vertx();
    try {
      Singleton first = Singleton.elect(vertx, "sweep");
      Singleton second = Singleton.elect(vertx, "sweep");
      assertThat(first.won()).isTrue();
      assertThat(second.won()).isFalse();
      assertThat(Singleton.elect(vertx, "another-key").won()).isTrue();

      second.release();
      assertThat(Singleton.elect(vertx, "sweep").won()).as("a loser's release frees nothing").isFalse();
      first.release();
      assertThat(Singleton.elect(vertx, "sweep").won()).isTrue();
    } finally {
      vertx.close().await();
    }
  }
}
