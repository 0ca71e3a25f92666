package org.jobdash.load.scenario;

import io.vertx.core.buffer.Buffer;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.load.floor.InProcessFloor;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Call;
import org.jobdash.load.http.Conversation;
import org.jobdash.load.system.LoadUsers;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * 4. Embedding batch ingest: {@code POST /api/v1/ai/embeddings/batch} with 1000 precomputed 384-dimension vectors
 * per request, against binary {@code COPY} of the same rows through PgJDBC's CopyManager, 4 at a time on each
 * side. The table is emptied before every phase, so that both sides insert into the same starting state.
 */
public final class BatchIngest implements Scenario {

  static final int CONNECTIONS = 4;
  static final int ROWS = 1000;

  private final EmbeddingRows rows = EmbeddingRows.random(ROWS, 42);
  private final List<Connection> jdbc = new ArrayList<>();
  private UUID owner;

  @Override
  public int number() {
    return 4;
  }

  @Override
  public String title() {
    return "embedding batch ingest";
  }

  @Override
  public String unit() {
    return "rows";
  }

  @Override
  public int perRequest() {
    return ROWS;
  }

  @Override
  public Goal goal() {
    return new Goal("≥ 0.5× binary COPY of the same rows, rows/s (rates searched under p99 ≤ 2 s)", 0.5, 2_000,
        false);
  }

  @Override
  public Workload service(Rig rig) throws Exception {
    LoadUsers.User user = rig.users().login().get(0);
    owner = user.id();
    Buffer body = rows.json();
    DatabaseUrl ai = rig.system().aiDb();
    boolean owned = rig.system().owned();
    return new HttpWorkload("POST /api/v1/ai/embeddings/batch (" + ROWS + " × " + EmbeddingRows.DIMENSIONS + ")",
        rig.system().ai(), CONNECTIONS, false, rig.services(),
        (index, lanes) -> Conversation.rotating(List.of(Call.post("/api/v1/ai/embeddings/batch", user.accessToken(),
            body, 201))),
        () -> EmbeddingRows.reset(ai, owned, owner));
  }

  @Override
  public Workload floor(Rig rig) throws Exception {
    DatabaseUrl ai = rig.system().aiDb();
    boolean owned = rig.system().owned();
    BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(CONNECTIONS);
    for (int i = 0; i < CONNECTIONS; i++) {
      Connection c = DriverManager.getConnection(ai.jdbcUrl(), ai.user(), ai.password());
      jdbc.add(c);
      idle.add(c);
    }
    String column;
    try (Statement st = jdbc.get(0).createStatement(); ResultSet rs = st.executeQuery(EmbeddingRows.COLUMN_TYPE)) {
      rs.next();
      column = rs.getString(1);
    }
    byte[] copy = rows.copyBinary(owner, column.startsWith("vector"));
    return new InProcessFloor("PgJDBC CopyManager binary COPY of the same " + ROWS + " rows (" + column + "), "
        + CONNECTIONS + " connections", "copy", CONNECTIONS, CONNECTIONS, () -> {
          Connection c = idle.take();
          try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(EmbeddingRows.COPY, new ByteArrayInputStream(copy));
          } finally {
            idle.put(c);
          }
        }, () -> EmbeddingRows.reset(ai, owned, owner));
  }

  @Override
  public void close() throws Exception {
    for (Connection c : jdbc) {
      c.close();
    }
  }
}
