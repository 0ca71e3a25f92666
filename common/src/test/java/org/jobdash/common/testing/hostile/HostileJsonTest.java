package org.jobdash.common.testing.hostile;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostileJsonTest {

  /**
   * What Jackson reads though it is no plain object of valid text: well-formed values of another kind, and the
   * encodings it is lenient about (a byte-order mark, UTF-16, an overlong NUL, an encoded surrogate). A strict
   * parser refuses duplicate keys; Jackson's own limits refuse the 100,000-character key and the 10,000 digits.
   */
  private static final Set<String> ACCEPTED_BY_JACKSON = Set.of("json-null", "json-array", "json-string",
      "json-number", "json-true", "nul-key", "lone-surrogate-key", "number-1e400", "number-minus-zero", "utf8-bom",
      "utf16le", "overlong-utf8-nul", "cesu8-surrogate");

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Test
  void encodedTextDecodesToExactlyTheStringGivenLoneSurrogatesAndNulIncluded() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", "a\uD800b\u0000c\uD83D\uDE00\"\\\n");
    body.put("n", new HostileJson.Raw("1e400"));
    body.put("list", List.of(1, true, Map.of()));
    String json = HostileJson.encode(body);

    assertThat(json).contains("\\ud800").contains("\\u0000").contains("\uD83D\uDE00").contains("1e400");
    JsonNode parsed = new ObjectMapper().readTree(json.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.get("text").textValue()).isEqualTo("a\uD800b\u0000c\uD83D\uDE00\"\\\n");
    assertThat(parsed.get("list").size()).isEqualTo(3);
  }

  @Test
  void everyBodyJacksonIsNotKnownToAcceptIsRefusedByAStrictParser() {
    List<Named<byte[]>> bodies = HostileJson.bodies();

    assertThat(bodies).extracting(Named::name).doesNotHaveDuplicates();
    assertThat(bodies.stream().filter(b -> parses(b.value())).map(Named::name))
        .containsExactlyInAnyOrderElementsOf(ACCEPTED_BY_JACKSON);
  }

  /** Whether a strict parser reads one JSON value (an empty body reads as nothing). */
  private static boolean parses(byte[] body) {
    try {
      JsonNode node = STRICT.readTree(body);
      return node != null && !node.isMissingNode();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void nestingBombsAreAsDeepAsAskedAndDeeperThanJacksonAllows() {
    String arrays = HostileJson.nestedArrays(10_000);
    String objects = HostileJson.nestedObjects(10_000);

    assertThat(arrays.chars().filter(c -> c == '[').count()).isEqualTo(10_000);
    assertThat(objects.chars().filter(c -> c == '{').count()).isEqualTo(10_000);
    assertThat(objects.startsWith("{\"a\":{\"a\":") && objects.endsWith("{\"a\":{}" + "}".repeat(9_999))).isTrue();
    assertThatThrownBy(() -> new ObjectMapper().readTree(arrays)).hasMessageContaining("nesting depth");
    assertThatThrownBy(() -> new ObjectMapper().readTree(objects)).hasMessageContaining("nesting depth");
  }

  @Test
  void aKeyFloodFillsItsSizeWithDistinctKeys() throws Exception {
    String flood = HostileJson.manyKeys(1 << 20);

    assertThat(flood.length()).isBetween((1 << 20) - 16, 1 << 20);
    JsonNode parsed = new ObjectMapper().readTree(flood);
    assertThat(parsed.size()).isGreaterThan(80_000);
    assertThat(parsed.get("k0").intValue()).isZero();
  }

  @Test
  void wrongTypesNeverIncludeTheDocumentedTypeExceptValuesPastItsRange() throws Exception {
    for (String type : List.of("string", "integer", "number", "boolean", "array", "object")) {
      for (Named<Object> wrong : HostileJson.wrongTypes(type)) {
        JsonNode value = new ObjectMapper().readTree("[" + HostileJson.encode(wrong.value()) + "]").get(0);
        boolean sameType = switch (type) {
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          case "array" -> value.isArray();
          default -> value.isObject();
        };
        if (sameType) {
          assertThat(wrong.name()).as("%s value %s", type, wrong.name())
              .isIn("beyond-int64", "below-int64", "exponent-1e400", "negative", "array-of-nulls", "array-of-arrays");
        }
      }
    }
  }
}
