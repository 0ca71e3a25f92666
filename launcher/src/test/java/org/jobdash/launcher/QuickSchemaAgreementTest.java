package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import org.jobdash.common.http.QuickSchema;
import org.jobdash.common.http.ServiceContract;
import org.jobdash.common.testing.hostile.HostileJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request contract's quick check agrees with vertx-json-schema on every JSON body of the three documents:
 * whatever it calls valid, the library does too. The values are each operation's documented example and thousands
 * of mutations of it: every member dropped, replaced by values of every wrong type and past every range, emptied,
 * lengthened past its limit in code points and in UTF-16 units, nulled, nested, plus unknown members.
 */
class QuickSchemaAgreementTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void whatTheQuickCheckPassesTheLibraryPassesOnEveryDocumentedBody() {
    int compiled = 0;
    int quickYes = 0;
    int values = 0;
    for (String resource : new String[] {"openapi/user-service.yaml", "openapi/resume-service.yaml",
        "openapi/ai-service.yaml"}) {
      ServiceContract contract = ServiceContract.load(vertx, resource).await();
      JsonObject paths = contract.document().getJsonObject("paths");
      for (Operation op : contract.openApi().operations()) {
        if (op.getRequestBody() == null) {
          continue;
        }
        MediaType json = op.getRequestBody().getContent().get("application/json");
        JsonObject raw = paths.getJsonObject(op.getOpenAPIPath()).getJsonObject(op.getHttpMethod().name()
            .toLowerCase(java.util.Locale.ROOT));
        JsonObject media = raw.getJsonObject("requestBody").getJsonObject("content")
            .getJsonObject("application/json");
        if (json == null || json.getSchema() == null || media == null) {
          continue;
        }
        QuickSchema.Check quick = QuickSchema.compile(contract.document(), media.getValue("schema"));
        if (quick == null) {
          continue;
        }
        compiled++;
        Validator library = contract.openApi().getSchemaRepository().validator(json.getSchema());
        for (Object value : mutations(media.getValue("example"))) {
          values++;
          if (quick.valid(value)) {
            quickYes++;
            String where = resource + " " + op.getOperationId();
            assertThat(library.validate(value).getValid()).as(() -> where + ": " + shortly(value)).isTrue();
          }
        }
      }
    }
    System.out.printf("quick check: %d bodies compiled; %d of %d values passed, each passed by the library too%n",
        compiled, quickYes, values);
    assertThat(compiled).as("operations whose bodies the quick check reads").isGreaterThanOrEqualTo(10);
    assertThat(quickYes).as("values it passed, of " + values).isPositive();
  }

  private static String shortly(Object value) {
    String text = String.valueOf(value);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** The example, and mutations of each of its members (one level and the next one down). */
  static List<Object> mutations(Object example) {
    List<Object> out = new ArrayList<>();
    out.add(example);
    if (!(example instanceof JsonObject object)) {
      return out;
    }
    for (String key : object.fieldNames()) {
      JsonObject without = object.copy();
      without.remove(key);
      out.add(without);
      for (Object replacement : replacements(object.getValue(key))) {
        out.add(object.copy().put(key, replacement));
      }
      if (object.getValue(key) instanceof JsonObject inner) {
        for (Object deeper : mutations(inner)) {
          out.add(object.copy().put(key, deeper));
        }
      }
    }
    out.add(object.copy().put("undeclared", "x"));
    out.add(new JsonObject());
    return out;
  }

  private static List<Object> replacements(Object value) {
    List<Object> out = new ArrayList<>();
    for (String type : new String[] {"string", "integer", "number", "boolean", "array", "object"}) {
      HostileJson.wrongTypes(type).forEach(named -> out.add(named.value()));
    }
    String clef = "\uD834\uDD1E";
    for (int n : new int[] {0, 1, 2, 3, 9, 10, 11, 64, 65, 200, 254, 255, 256, 257, 512, 513, 1024, 1025, 20_001}) {
      out.add("a".repeat(n));
      out.add(clef.repeat(n));
    }
    for (Object number : new Object[] {-1, 0, 1, 2, 5, 10, 11, 50, 51, 100, 101, 1000, 10_001, 1.0, 0.5, -0.0,
        1e300, Long.MAX_VALUE, (double) Long.MAX_VALUE}) {
      out.add(number);
    }
    out.add(null);
    out.add(true);
    if (value instanceof JsonArray array) {
      out.add(new JsonArray());
      JsonArray longer = array.copy();
      for (int i = 0; i < 60; i++) {
        longer.add(array.isEmpty() ? "x" : array.getValue(0));
      }
      out.add(longer);
      out.add(array.copy().add(null));
      out.add(array.copy().add(12));
      out.add(array.copy().add("a".repeat(2_000)));
    }
    if (value instanceof String text) {
      out.add(text + " ");
      out.add(new JsonArray().add(text));
    }
    return out;
  }
}
