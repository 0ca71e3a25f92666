package org.jobdash.common.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyRulesTest {

  private static List<ApiException.FieldError> violations(String json) {
    return JsonBodyRules.violations(Buffer.buffer(json).toJsonValue());
  }

  private static List<String> fields(String json) {
    return violations(json).stream().map(ApiException.FieldError::field).toList();
  }

  private static String nested(int depth) {
    return "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
  }

  @Test
  void ordinaryTextIsAcceptedWhateverItsScript() {
    assertThat(violations("{\"name\":\"Zoë Ødegård\",\"emoji\":\"\uD83D\uDC69\u200D\uD83C\uDF73\","
        + "\"list\":[1,2.5,true,null,{\"k\":\"\u4E2D\u6587\"}],\"empty\":\"\"}")).isEmpty();
  }

  @Test
  void aNulCharacterIsFoundAtAnyDepthAndNamedByItsPath() {
    assertThat(fields("{\"projects\":[{\"name\":\"ok\"},{\"details\":{\"tags\":[\"x\",\"a\\u0000b\"]}}]}"))
        .containsExactly("projects[1].details.tags[1]");
    assertThat(violations("{\"bio\":\"\\u0000\"}").get(0).message()).contains("NUL");
  }

  @Test
  void anUnpairedSurrogateIsFoundWhereverItIsAndAPairIsNot() {
    assertThat(fields("{\"a\":\"x\\ud800\"}")).containsExactly("a");
    assertThat(fields("{\"a\":[\"\\udc00x\"]}")).containsExactly("a[0]");
    assertThat(fields("{\"a\":\"\\ud800\\ud800\\udc00\"}")).containsExactly("a");
    assertThat(fields("{\"a\":\"\\ud83d\\ude00\"}")).isEmpty();
    assertThat(violations("{\"a\":\"\\udfff\"}").get(0).message()).contains("surrogate");
  }

  @Test
  void aKeyIsCheckedTooAndAnOddKeyIsQuotedInThePath() {
    assertThat(fields("{\"links\":{\"a\\u0000b\":\"x\"}}")).containsExactly("links[\"a\\u0000b\"]");
    assertThat(fields("{\"links\":{\"my site\":[\"\\u0000\"]}}")).containsExactly("links[\"my site\"][0]");
    assertThat(fields("{\"\\ud800\":1}")).containsExactly("[\"\\ud800\"]");
  }

  @Test
  void nestingIsAllowedToThirtyTwoLevelsAndRefusedBeyond() {
    assertThat(violations(nested(JsonBodyRules.MAX_DEPTH))).isEmpty();
    List<ApiException.FieldError> deep = violations(nested(JsonBodyRules.MAX_DEPTH + 1));
    assertThat(deep).hasSize(1);
    assertThat(deep.get(0).message()).contains("32 levels");
    assertThat(deep.get(0).field()).startsWith("a[0]");
    assertThat(violations(nested(900))).hasSize(1);
  }

  @Test
  void aNumberBeyondADoublesRangeIsRefused() {
    assertThat(fields("{\"a\":{\"b\":1e999}}")).containsExactly("a.b");
    assertThat(violations("{\"a\":1e308,\"b\":123456789012345678901234567890}")).isEmpty();
  }

  @Test
  void violationsAreReportedInDocumentOrderAndCapped() {
    JsonArray many = new JsonArray();
    for (int i = 0; i < 100; i++) {
      many.add("\u0000");
    }
    assertThat(JsonBodyRules.violations(new JsonObject().put("a", "\u0000").put("many", many)))
        .hasSize(JsonBodyRules.MAX_ERRORS)
        .first().extracting(ApiException.FieldError::field).isEqualTo("a");
  }

  @Test
  void aBodyWithTheRawUtf8OfASurrogateIsRefusedAsA400() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    assertThatThrownBy(() -> JsonInput.parse(Buffer.buffer(body))).isInstanceOf(ApiException.Invalid.class);
  }

  @Test
  void aBodyThatBreaksTheRulesIsA400NamingEveryField() {
    assertThatThrownBy(() -> JsonInput.parse(Buffer.buffer("{\"a\":\"\\u0000\",\"b\":[\"\\ud800\"]}")))
        .isInstanceOfSatisfying(ApiException.Invalid.class, e -> assertThat(e.errors())
            .extracting(ApiException.FieldError::field).containsExactly("a", "b[0]"));
    assertThat(JsonInput.parse(Buffer.buffer("{\"a\":\"fine\"}")).raw().getString("a")).isEqualTo("fine");
  }

  @Test
  void jsonInputRefusesAnIntegerTooBigForALongInsteadOfWrappingIt() {
    JsonInput in = JsonInput.of(new JsonObject(Buffer.buffer("{\"n\":18446744073709551621,\"m\":7}")));
    assertThat(in.optionalInt("n", 0, 100)).isNull();
    assertThat(in.optionalInt("m", 0, 100)).isEqualTo(7);
    assertThatThrownBy(in::validate).isInstanceOf(ApiException.Invalid.class).hasMessageContaining("n: must be between");
  }

  @Test
  void jsonInputRefusesTimestampsBeyondTheYear9999() {
    JsonInput in = JsonInput.of(new JsonObject().put("far", "+999999999-12-31T23:59:59Z")
        .put("near", "2027-01-31T00:00:00Z"));
    assertThat(in.optionalTimestamp("far")).isNull();
    assertThat(in.optionalTimestamp("near")).isNotNull();
    assertThatThrownBy(in::validate).hasMessageContaining("far");
  }
}
