package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.jobdash.ai.embedding.EmbeddingRepository;
import org.jobdash.ai.embedding.NewEmbedding;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.session.ModelCatalog;
import org.jobdash.ai.session.ModelRepository;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.SessionRepository;
import org.jobdash.ai.session.Usage;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.Pools;
import org.jobdash.common.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user deleted while one of their résumés is being analysed keeps nothing: the analysis that finishes after the
 * purge stores nothing, and a purge that comes while the analysis stores its result waits for it and removes it too.
 */
class PurgeDuringAnalysisTest {

  static AiHarness h;
  static Pool pool;
  static SessionRecorder recorder;
  static EmbeddingRepository embeddings;
  static UserDataRepository users;

  @BeforeAll
  static void start() {
    h = AiHarness.start();
    pool = Pools.pool(h.vertx, "purge-test", DatabaseConfig.from("test", new JsonObject()
        .put("url", h.database.toUrl()).put("poolSize", 4)));
    ModelRepository models = new ModelRepository(pool);
    recorder = new SessionRecorder(ModelCatalog.load(models).await(), new SessionRepository(pool), models);
    embeddings = new EmbeddingRepository(pool, EmbeddingRepository.vectorMode(pool).await());
    users = new UserDataRepository(pool);
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    h.close();
  }

  private static SessionRecorder.Outcome outcome(UUID userId, UUID resumeId) {
    return new SessionRecorder.Outcome(userId, "resume_analysis", Usage.local(MiniLm.MODEL_NAME, 12, 0), 40, null,
        UUID.randomUUID(), resumeId, new JsonObject());
  }

  private static List<NewEmbedding> chunk(UUID resumeId) {
    float[] vector = new float[MiniLm.DIMENSIONS];
    vector[0] = 1;
    return List.of(new NewEmbedding("resume_chunk", resumeId, 0, "Registered nurse", "hash", vector,
        new JsonObject()));
  }

  private static long rowsOf(UUID userId) {
    return h.count("SELECT (SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1)"
        + " + (SELECT count(*) FROM embeddings WHERE user_id = $1)", userId);
  }

  @Test
  void anAnalysisThatFinishesAfterItsUserWasPurgedStoresNothing() {
    UUID user = UUID.randomUUID();
    UUID resume = UUID.randomUUID();
    UUID session = recorder.claim(pool, UUID.randomUUID(), user, "resume_analysis", resume).await().orElseThrow();
    assertThat(users.purge(user).await()).isEqualTo(1);

    assertThatThrownBy(() -> pool.withTransaction(conn -> recorder.finish(conn, session, outcome(user, resume),
        () -> embeddings.insert(conn, user, session, MiniLm.MODEL_NAME, chunk(resume)))).await())
        .isInstanceOf(SessionRecorder.Gone.class);
    assertThat(rowsOf(user)).isZero();
  }

  @Test
  void aPurgeThatComesWhileAnAnalysisStoresItsResultWaitsForItAndRemovesItToo() {
    UUID user = UUID.randomUUID();
    UUID resume = UUID.randomUUID();
    UUID session = recorder.claim(pool, UUID.randomUUID(), user, "resume_analysis", resume).await().orElseThrow();
    SqlConnection conn = pool.getConnection().await();
    try {
      Transaction tx = conn.begin().await();
      Promise<Void> inserted = Promise.promise();
      Promise<Void> proceed = Promise.promise();
      Future<List<UUID>> stored = recorder.finish(conn, session, outcome(user, resume),
          () -> embeddings.insert(conn, user, session, MiniLm.MODEL_NAME, chunk(resume))
              .onSuccess(ids -> inserted.complete())
              .compose(ids -> proceed.future().map(ids)));
      inserted.future().await();

      Future<Long> purge = users.purge(user);
      Waits.until(() -> h.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND datname = current_database()"), n -> n > 0, Duration.ofSeconds(10));
      assertThat(purge.isComplete()).as("the purge waits for the analysis").isFalse();

      proceed.complete();
      assertThat(stored.await()).hasSize(1);
      tx.commit().await();
      assertThat(purge.await()).as("the session and the chunk stored meanwhile").isEqualTo(2);
    } finally {
      conn.close().await();
    }
    assertThat(rowsOf(user)).isZero();
  }
}
