package org.jobdash.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.Problems;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Replies encoded once and failures mapped once, over a real event bus, and read back the way {@link Bus} does. */
@ExtendWith(BlockedThreadGuard.class)
class BusConsumersTest {

  private static final String ECHO = "test.echo";
  private static Vertx vertx;
  private static final LinkedBlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
  private static final LinkedBlockingQueue<UUID> purged = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    new BusConsumers(vertx)
        .answer(ECHO, body -> Bus.uuid(body, "id"), BusConsumersTest::echo, id -> Bus.message().put("id", id.toString()))
        .userDeleted("test", id -> {
          purged.add(id);
          return Future.succeededFuture(3);
        })
        .completion().await();
    vertx.eventBus().<JsonObject>consumer(Addresses.USER_DELETION_ACK, m -> acks.add(m.body())).completion().await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  /** Answers with the id; an all-zero id stands for a repository that breaks. */
  private static Future<UUID> echo(UUID id) {
    return id.equals(new UUID(0, 0)) ? Future.failedFuture(new IllegalStateException("a bug"))
        : Future.succeededFuture(id);
  }

  @Test
  void aReplyIsTheEncodedResult() {
    UUID id = UUID.randomUUID();
    JsonObject reply = Bus.request(vertx, ECHO, new JsonObject().put("id", id.toString()), 2_000).await();
    assertThat(reply.getString("id")).isEqualTo(id.toString());
    assertThat(reply.getInteger("version")).isEqualTo(Addresses.VERSION);
  }

  @Test
  void aMalformedRequestFailsWith400NamingTheField() {
    ReplyException refused = catchThrowableOfType(ReplyException.class, () -> vertx.eventBus()
        .request(ECHO, new JsonObject().put("id", "not-a-uuid")).await());
    assertThat(refused.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
    assertThat(refused.failureCode()).isEqualTo(400);
    assertThat(refused.getMessage()).isEqualTo("malformed test.echo request: id must be a UUID");
    assertThat(Bus.toApiException(ECHO, refused)).isInstanceOf(ApiException.Invalid.class);
  }

  @Test
  void theSenderGetsTheRecipientsProblemBackWithItsTypeAndFields() {
    for (ApiException sent : List.of(new Deadline.Exceeded("too slow"), ApiException.Invalid.field("title", "is required"),
        new ApiException.Conflict("already there"))) {
      BusConsumers.Failure failure = BusConsumers.failure(sent);
      ApiException back = Bus.toApiException(ECHO, new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failure.code(),
          failure.message()));
      ApiException expected = Problems.toApiException(sent, 500);
      assertThat(back.status()).isEqualTo(expected.status());
      assertThat(back.type()).isEqualTo(expected.type());
      assertThat(back.title()).isEqualTo(expected.title());
      assertThat(back.detail()).isEqualTo(expected.detail());
      assertThat(back.errors()).isEqualTo(expected.errors());
    }
    ApiException unexpected = Bus.toApiException(ECHO, new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500,
        BusConsumers.failure(new IllegalStateException("a bug")).message()));
    assertThat(unexpected.status()).as("a recipient's own failure is the sender's upstream failure").isEqualTo(502);
  }

  @Test
  void anUnexpectedFailureIs500AndTheSenderSeesAnUpstreamFailure() {
    Throwable failed = catchThrowableOfType(ApiException.class, () -> Bus.request(vertx, ECHO,
        new JsonObject().put("id", new UUID(0, 0).toString()), 2_000).await());
    assertThat(((ApiException) failed).status()).isEqualTo(502);
  }

  @Test
  void failuresMapToTheStatusTheSenderTurnsBackIntoTheSameProblem() {
    assertThat(BusConsumers.failure(new ApiException.NotFound("no such résumé")))
        .isEqualTo(new BusConsumers.Failure(404, "not-found", "Not Found", "no such résumé", List.of()));
    assertThat(BusConsumers.failure(ApiException.Invalid.field("title", "is required")).code()).isEqualTo(400);
    assertThat(BusConsumers.failure(new ApiException.Overloaded("queue full", 1)).code()).isEqualTo(503);
    assertThat(BusConsumers.failure(new Deadline.Exceeded("too slow")).code()).isEqualTo(422);
    assertThat(BusConsumers.failure(new ConnectException("refused")).code()).isEqualTo(503);
    assertThat(BusConsumers.failure(new java.util.concurrent.TimeoutException("late")).code()).isEqualTo(503);
    BusConsumers.Failure unexpected = BusConsumers.failure(new IllegalStateException("a bug"));
    assertThat(unexpected.code()).isEqualTo(500);
    assertThat(unexpected.detail()).doesNotContain("a bug");
  }

  @Test
  void aDeletedUserIsPurgedAndAcknowledgedWithWhatWasRemoved() throws InterruptedException {
    UUID gone = UUID.randomUUID();
    vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(gone, Instant.now()).toJson());
    assertThat(purged.poll(5, TimeUnit.SECONDS)).isEqualTo(gone);
    UserDeletionAck ack = UserDeletionAck.fromJson(acks.poll(5, TimeUnit.SECONDS));
    assertThat(ack).isEqualTo(new UserDeletionAck(gone, "test", 3));
  }

  @Test
  void aMalformedDeletionIsDroppedWithoutAnAcknowledgement() throws InterruptedException {
    vertx.eventBus().publish(Addresses.USER_DELETED, new JsonObject().put("userId", "nobody"));
    UUID gone = UUID.randomUUID();
    vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(gone, Instant.now()).toJson());
    assertThat(purged.poll(5, TimeUnit.SECONDS)).isEqualTo(gone);
    assertThat(UserDeletionAck.fromJson(acks.poll(5, TimeUnit.SECONDS)).userId()).isEqualTo(gone);
  }
}
