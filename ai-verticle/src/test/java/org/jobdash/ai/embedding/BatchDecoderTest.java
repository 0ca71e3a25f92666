package org.jobdash.ai.embedding;

import io.vertx.core.buffer.Buffer;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Whatever bytes a batch body holds, decoding ends in rows or in a 400 (a 413 for a long text) naming the field. */
class BatchDecoderTest {

  static final Deadline NONE = Deadline.after(Duration.ofHours(1));
  static final String VECTOR = "[" + "0.5,".repeat(383) + "0.5]";

  private static BatchDecoder.Batch decode(String body, Deadline deadline) {
    return new BatchDecoder(Set.of("custom"), 1000, 20_000, deadline).decode(Buffer.buffer(body));
  }

  private static ApiException refused(String body) {
    return catchThrowableOfType(ApiException.class, () -> decode(body, NONE));
  }

  private static String item(String fields) {
    return "{\"items\": [{\"sourceType\": \"custom\", \"vector\": " + VECTOR + fields + "}]}";
  }

  private static List<String> fields(ApiException e) {
    return e.errors().stream().map(ApiException.FieldError::field).toList();
  }

  @Test
  void aWellFormedBatchDecodesToRows() {
    BatchDecoder.Batch batch = decode(item(", \"chunkIndex\": 3, \"contentText\": \"Led a team 🏆\", "
        + "\"metadata\": {\"n\": [1, 2.5, true, null, \"x\"]}"), NONE);
    assertThat(batch.items()).hasSize(1);
    assertThat(batch.items().get(0).chunkIndex()).isEqualTo(3);
    assertThat(batch.items().get(0).vector()).hasSize(384);
  }

  @Test
  void wrongTypesAreNamedFieldByField() {
    ApiException e = refused("{\"model\": 5, \"items\": [7, {\"sourceType\": 5, \"sourceId\": [], \"chunkIndex\": \"3\", "
        + "\"contentText\": {}, \"metadata\": [], \"vector\": \"x\"}]}");
    assertThat(e.status()).isEqualTo(400);
    assertThat(fields(e)).containsExactly("model", "items[0]", "items[1].sourceType", "items[1].sourceId",
        "items[1].chunkIndex", "items[1].contentText", "items[1].metadata", "items[1].vector");
    assertThat(fields(refused("{\"items\": \"all of them\"}"))).containsExactly("items");
  }

  @Test
  void jsonThatDoesNotParseIsA400NamingWhereItBroke() {
    ApiException truncated = refused("{\"items\": [{\"sourceType\": \"custom\", \"vector\": [0.1, 0.2");
    assertThat(truncated.status()).isEqualTo(400);
    assertThat(fields(truncated)).singleElement().asString().startsWith("items[0].vector");
    ApiException nan = refused("{\"items\": [{\"sourceType\": \"custom\", \"vector\": [NaN, 1]}]}");
    assertThat(fields(nan)).singleElement().asString().startsWith("items[0].vector");
    assertThat(nan.detail()).contains("not valid JSON").contains("line 1");
    assertThat(refused("{\"items\": []} trailing").status()).isEqualTo(400);
    assertThat(refused("[1, 2]").detail()).isEqualTo("The body must be a JSON object");
    assertThat(refused("\u0000\u00ff garbage").status()).isEqualTo(400);
  }

  @Test
  void hugeNumbersAreRefusedNotOverflowed() {
    assertThat(fields(refused(item(", \"chunkIndex\": 123456789012345678901234567890"))))
        .containsExactly("items[0].chunkIndex");
    assertThat(fields(refused(item(", \"chunkIndex\": -1")))).containsExactly("items[0].chunkIndex");
    ApiException longNumber = refused("{\"items\": [{\"sourceType\": \"custom\", \"vector\": [" + "9".repeat(5_000)
        + "]}]}");
    assertThat(fields(longNumber)).singleElement().asString().startsWith("items[0].vector");
    assertThat(longNumber.errors().get(0).message()).contains("longer than this service reads");
    assertThat(fields(refused("{\"items\": [{\"sourceType\": \"custom\", \"vector\": [1" + "0".repeat(500)
        + "]}]}"))).containsExactly("items[0].vector");
    assertThat(fields(refused(item(", \"metadata\": {\"big\": 1e999}")))).containsExactly("items[0].metadata");
  }

  @Test
  void deepNestingIsRefusedBeforeItOverflowsTheStack() {
    String deep = "{\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000);
    ApiException inMetadata = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(item(", \"metadata\": "
        + deep)));
    assertThat(inMetadata.status()).isEqualTo(400);
    assertThat(fields(inMetadata)).singleElement().asString().startsWith("items[0].metadata.a.a").hasSizeLessThan(210);
    assertThat(inMetadata.errors().get(0).message()).contains("nested too deeply");
    ApiException skipped = refused(item(", \"unknown\": " + "[".repeat(5_000) + "]".repeat(5_000)));
    assertThat(fields(skipped)).singleElement().asString().startsWith("items[0].unknown[0][0]");
  }

  @Test
  void textUnfitToStoreIsRefusedWhereverItIs() {
    assertThat(fields(refused(item(", \"contentText\": \"nul \\u0000 here\"")))).containsExactly("items[0].contentText");
    assertThat(fields(refused(item(", \"contentText\": \"half \\ud83c a pair\""))))
        .containsExactly("items[0].contentText");
    assertThat(fields(refused(item(", \"metadata\": {\"note\": \"nul \\u0000\"}")))).containsExactly("items[0].metadata");
    assertThat(fields(refused(item(", \"metadata\": {\"k\\udc00\": 1}")))).containsExactly("items[0].metadata");
    assertThat(fields(refused(item(", \"metadata\": {\"deep\": [[\"\\ud800\"]]}"))))
        .containsExactly("items[0].metadata");
    assertThat(refused("{\"model\": \"m\\u0000\", \"items\": []}").errors().get(0).message()).contains("NUL");
    assertThat(refused(item(", \"contentText\": \"" + "z".repeat(20_001) + "\"")).status()).isEqualTo(413);
  }

  @Test
  void decodingPastItsDeadlineStops() {
    Deadline cancelled = Deadline.after(Duration.ofHours(1));
    cancelled.cancel();
    assertThatThrownBy(() -> decode(item(""), cancelled)).isInstanceOf(Deadline.Exceeded.class);
  }
}
