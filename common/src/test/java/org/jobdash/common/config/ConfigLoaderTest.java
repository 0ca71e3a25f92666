package org.jobdash.common.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

  private final JsonObject defaults = new JsonObject()
      .put("user", new JsonObject().put("http", new JsonObject().put("port", 8081).put("proxies", new JsonArray()))
          .put("database", new JsonObject().put("url", (String) null)).put("flag", false));

  @Test
  void fileThenAliasesThenGenericVariablesWinInThatOrder() {
    JsonObject file = new JsonObject().put("user", new JsonObject().put("http", new JsonObject().put("port", 9000)));
    JsonObject merged = ConfigLoader.merge(defaults, file,
        Map.of("USER_SERVICE_DATABASE_URL", "postgresql://h/d", "JOBDASH__user__flag", "true",
            "JOBDASH__user__http__proxies", "10.0.0.1, 10.0.0.2"),
        Map.of("USER_SERVICE_DATABASE_URL", "user.database.url"));
    assertThat(merged.getJsonObject("user").getJsonObject("http").getInteger("port")).isEqualTo(9000);
    assertThat(merged.getJsonObject("user").getJsonObject("database").getString("url")).isEqualTo("postgresql://h/d");
    assertThat(merged.getJsonObject("user").getBoolean("flag")).isTrue();
    assertThat(merged.getJsonObject("user").getJsonObject("http").getJsonArray("proxies")).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(defaults.getJsonObject("user").getJsonObject("http").getInteger("port")).isEqualTo(8081);
  }

  @Test
  void aValueOfTheWrongTypeNamesTheSetting() {
    assertThatThrownBy(() -> ConfigLoader.merge(defaults, null, Map.of("JOBDASH__user__http__port", "eighty"), Map.of()))
        .hasMessageContaining("user.http.port");
  }
}
