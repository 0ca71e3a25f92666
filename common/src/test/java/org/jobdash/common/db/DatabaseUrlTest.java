package org.jobdash.common.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

  @Test
  void parsesTheSeedsFormWithEscapesAndParameters() {
    DatabaseUrl url = DatabaseUrl.parse("X", "postgresql://app%40corp:p%3Ass@db.example.com:6432/user_service_db?sslmode=require");
    assertThat(url.host()).isEqualTo("db.example.com");
    assertThat(url.port()).isEqualTo(6432);
    assertThat(url.user()).isEqualTo("app@corp");
    assertThat(url.password()).isEqualTo("p:ss");
    assertThat(url.database()).isEqualTo("user_service_db");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/user_service_db?sslmode=require");
    assertThat(url.redacted()).doesNotContain("p:ss");
    assertThat(DatabaseUrl.parse("X", url.toUrl()).password()).isEqualTo("p:ss");
  }

  @Test
  void acceptsPostgresAndJdbcSchemesAndDefaultsThePort() {
    assertThat(DatabaseUrl.parse("X", "postgres://u@h/d").port()).isEqualTo(5432);
    assertThat(DatabaseUrl.parse("X", "jdbc:postgresql://h:1/d?user=a&password=b").user()).isEqualTo("a");
  }

  @Test
  void malformedUrlsNameTheirSourceOnOneLine() {
    for (String bad : new String[] {"mysql://h/d", "postgresql://h", "postgresql:///d", "not a url", ""}) {
      assertThatThrownBy(() -> DatabaseUrl.parse("USER_SERVICE_DATABASE_URL", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("USER_SERVICE_DATABASE_URL")
          .hasMessageNotContaining("\n");
    }
  }
}
