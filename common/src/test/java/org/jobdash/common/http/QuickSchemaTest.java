package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick check says yes only for values that are valid, and refuses to compile what it cannot read. */
class QuickSchemaTest {

  private static final JsonObject DOCUMENT = new JsonObject("""
      {"components": {"schemas": {
        "Token": {"type": "string", "minLength": 2, "maxLength": 4, "description": "a token"},
        "Tone": {"type": "string", "enum": ["formal", "warm"]},
        "Node": {"type": "object", "properties": {"next": {"anyOf": [{"$ref": "#/components/schemas/Node"},
          {"type": "null"}]}}, "additionalProperties": false},
        "Request": {"type": "object", "required": ["token"], "additionalProperties": false, "properties": {
          "token": {"$ref": "#/components/schemas/Token"},
          "tone": {"$ref": "#/components/schemas/Tone"},
          "count": {"type": "integer", "minimum": 1, "maximum": 10},
          "weight": {"type": ["number", "null"], "maximum": 1.5},
          "tags": {"type": "array", "maxItems": 2, "items": {"type": "string", "maxLength": 3}}}}
      }}}""");

  private static QuickSchema.Check check(String name) {
    return QuickSchema.compile(DOCUMENT, new JsonObject().put("$ref", "#/components/schemas/" + name));
  }

  @Test
  void aValidValueIsValid() {
    QuickSchema.Check request = check("Request");
    assertThat(request).isNotNull();
    assertThat(request.valid(new JsonObject().put("token", "abc"))).isTrue();
    assertThat(request.valid(new JsonObject("""
        {"token": "ab", "tone": "warm", "count": 10, "weight": null, "tags": ["a", "bcd"]}"""))).isTrue();
    assertThat(request.valid(new JsonObject().put("token", "ab").put("weight", 1.5))).isTrue();
  }

  @Test
  void anythingWrongOrDoubtfulIsNotSaidToBeValid() {
    QuickSchema.Check request = check("Request");
    for (String body : new String[] {
        "{}", "{\"token\": \"a\"}", "{\"token\": \"abcde\"}", "{\"token\": 12}", "{\"token\": null}",
        "{\"token\": \"ab\", \"other\": 1}", "{\"token\": \"ab\", \"tone\": \"cold\"}",
        "{\"token\": \"ab\", \"count\": 0}", "{\"token\": \"ab\", \"count\": 11}", "{\"token\": \"ab\", \"count\": 2.5}",
        "{\"token\": \"ab\", \"count\": \"3\"}", "{\"token\": \"ab\", \"weight\": 1.6}",
        "{\"token\": \"ab\", \"tags\": [\"a\", \"b\", \"c\"]}", "{\"token\": \"ab\", \"tags\": [\"abcd\"]}",
        "{\"token\": \"ab\", \"tags\": [1]}", "{\"token\": \"ab\", \"tags\": \"a\"}",
        // integral doubles and numbers past a double's precision are left to the library
        "{\"token\": \"ab\", \"count\": 3.0}", "{\"token\": \"ab\", \"count\": 123456789012345678901234567890}"}) {
      assertThat(request.valid(new JsonObject(body))).as(body).isFalse();
    }
    assertThat(request.valid(new JsonArray())).isFalse();
    assertThat(request.valid("ab")).isFalse();
  }

  @Test
  void lengthsCountCodePointsAsJsonSchemaDoes() {
    QuickSchema.Check token = check("Token");
    String clef = "\uD834\uDD1E";
    assertThat(token.valid(clef + clef)).as("two code points in four UTF-16 units").isTrue();
    assertThat(token.valid(clef.repeat(4))).as("four code points in eight units").isTrue();
    assertThat(token.valid(clef.repeat(5))).isFalse();
    assertThat(token.valid(clef)).as("one code point in two units").isFalse();
  }

  @Test
  void referencesMayRecurse() {
    QuickSchema.Check node = check("Node");
    assertThat(node.valid(new JsonObject("{\"next\": {\"next\": {\"next\": null}}}"))).isTrue();
    assertThat(node.valid(new JsonObject("{\"next\": {\"next\": {\"other\": 1}}}"))).isFalse();
  }

  @Test
  void keywordsItDoesNotReadLeaveTheSchemaToTheLibrary() {
    for (String schema : new String[] {
        "{\"type\": \"string\", \"format\": \"uuid\"}", "{\"type\": \"string\", \"pattern\": \"^a\"}",
        "{\"oneOf\": [{\"type\": \"string\"}]}", "{\"$ref\": \"components.yaml#/components/schemas/Problem\"}",
        "{\"$ref\": \"#/components/schemas/Missing\"}", "{\"enum\": [1, 2]}", "{\"type\": \"decimal\"}",
        "{\"properties\": {\"a\": false}}", "{\"patternProperties\": {}}"}) {
      assertThat(QuickSchema.compile(DOCUMENT, new JsonObject(schema))).as(schema).isNull();
    }
  }
}
