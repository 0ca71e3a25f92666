package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceContractTest {

  private static JsonObject problem() {
    return new JsonObject().put("schema", new JsonObject().put("$ref", "components.yaml#/components/schemas/Problem"));
  }

  @Test
  void theLibrarysViewDropsServersAliasesProblemJsonLeavesOutUnreadableTypesAndNamesTheSharedFileAbsolutely() {
    JsonObject operation = new JsonObject()
        .put("requestBody", new JsonObject().put("content", new JsonObject()
            .put("application/json", new JsonObject()).put("text/csv", new JsonObject())))
        .put("responses", new JsonObject()
            .put("200", new JsonObject().put("content", new JsonObject()
                .put("application/json", new JsonObject()).put("application/yaml", new JsonObject())))
            .put("400", new JsonObject().put("content", new JsonObject().put("application/problem+json", problem()))));
    JsonObject document = new JsonObject()
        .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
        .put("paths", new JsonObject().put("/x", new JsonObject().put("post", operation)))
        .put("components", new JsonObject().put("responses", new JsonObject().put("Bad", new JsonObject()
            .put("content", new JsonObject().put("application/problem+json", problem())))));

    JsonObject view = ServiceContract.forVertxOpenApi(document);

    assertThat(view.containsKey("servers")).isFalse();
    JsonObject post = view.getJsonObject("paths").getJsonObject("/x").getJsonObject("post");
    assertThat(post.getJsonObject("requestBody").getJsonObject("content").fieldNames())
        .containsExactly("application/json");
    assertThat(post.getJsonObject("responses").getJsonObject("200").getJsonObject("content").fieldNames())
        .containsExactly("application/json");
    JsonObject bad = post.getJsonObject("responses").getJsonObject("400").getJsonObject("content");
    assertThat(bad.fieldNames()).containsExactly(ServiceContract.PROBLEM_JSON_ALIAS);
    assertThat(bad.getJsonObject(ServiceContract.PROBLEM_JSON_ALIAS).getJsonObject("schema").getString("$ref"))
        .isEqualTo("https://jobdash.dev/openapi/components.yaml#/components/schemas/Problem");
    assertThat(view.getJsonObject("components").getJsonObject("responses").getJsonObject("Bad")
        .getJsonObject("content").fieldNames()).containsExactly(ServiceContract.PROBLEM_JSON_ALIAS);
    assertThat(document.getJsonArray("servers")).as("the document itself is left as it was").hasSize(1);
  }

  @Test
  void mediaTypesAreNamedAsTheLibraryNamesThem() {
    assertThat(ServiceContract.validatedMediaType("Application/Problem+JSON")).isEqualTo(ServiceContract.PROBLEM_JSON_ALIAS);
    assertThat(ServiceContract.validatedMediaType("application/json")).isEqualTo("application/json");
    assertThat(ServiceContract.validatedMediaType("application/pdf")).isNull();
    assertThat(ServiceContract.validatedMediaType(null)).isNull();
  }

  @Test
  void documentsAreReadAsYaml12CoreSoOnlyTrueAndFalseAreBooleansAndDatesStayText() {
    JsonObject read = ServiceContract.read("contract/core-yaml.yaml");

    assertThat(read.getValue("on")).isEqualTo("off");
    assertThat(read.getValue("answer")).isEqualTo("yes");
    assertThat(read.getValue("day")).isEqualTo("2026-12-01");
    assertThat(read.getValue("flag")).isEqualTo(true);
    assertThat(read.getValue("count")).isEqualTo(7);
    assertThat(read.containsKey("nothing")).isTrue();
    assertThat(read.getValue("nothing")).isNull();
    assertThat(ServiceContract.read(ServiceContract.COMPONENTS).getJsonObject("components").getJsonObject("schemas")
        .getJsonObject("Tone").getJsonArray("enum")).contains("professional", "concise");
  }
}
