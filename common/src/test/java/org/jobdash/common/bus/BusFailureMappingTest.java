package org.jobdash.common.bus;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.jobdash.common.http.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A consumer's refusal reaches the sender as the same status; only its own failures become a 502. */
class BusFailureMappingTest {

  @ParameterizedTest
  @CsvSource({"400,400", "403,403", "404,404", "409,409", "413,413", "422,422", "503,503", "500,502", "418,502"})
  void aRecipientFailureKeepsItsStatus(int sent, int seen) {
    ApiException mapped = Bus.toApiException("some.address",
        new ReplyException(ReplyFailure.RECIPIENT_FAILURE, sent, "the detail"));

    assertThat(mapped.status()).isEqualTo(seen);
  }

  @ParameterizedTest
  @CsvSource({"TIMEOUT,504", "NO_HANDLERS,503"})
  void noAnswerIsAGatewayFailure(ReplyFailure failure, int seen) {
    assertThat(Bus.toApiException("some.address", new ReplyException(failure, "gone")).status()).isEqualTo(seen);
  }
}
