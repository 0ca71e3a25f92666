package org.jobdash.common.db;

import org.jobdash.common.http.ApiException;
import org.jobdash.common.text.Text;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysetTest {

  @Test
  void aCursorDecodesToThePositionItEncodes() {
    KeysetCursor c = new KeysetCursor(OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 123_456_000, ZoneOffset.ofHours(2)),
        UUID.randomUUID());
    assertThat(KeysetCursor.decode(c.encode())).isEqualTo(c);
    assertThat(KeysetCursor.decode(null)).isNull();
    assertThat(KeysetCursor.decode("  ")).isNull();
  }

  @Test
  void aCursorNotMadeHereIsA400NamingCursor() {
    assertThatThrownBy(() -> KeysetCursor.decode("bm90IGEgY3Vyc29y")).isInstanceOf(ApiException.Invalid.class)
        .satisfies(e -> assertThat(((ApiException) e).errors().get(0).field()).isEqualTo("cursor"));
    assertThatThrownBy(() -> KeysetCursor.decode("%%%")).isInstanceOf(ApiException.Invalid.class);
  }

  @Test
  void aPageHasACursorOnlyWhenMoreRowsFollow() {
    OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC);
    List<KeysetCursor> rows = List.of(new KeysetCursor(t, UUID.randomUUID()), new KeysetCursor(t.minusSeconds(1),
        UUID.randomUUID()), new KeysetCursor(t.minusSeconds(2), UUID.randomUUID()));
    Page<KeysetCursor> full = Page.of(rows, 2, r -> r);
    assertThat(full.items()).hasSize(2);
    assertThat(KeysetCursor.decode(full.nextCursor())).isEqualTo(rows.get(1));
    assertThat(Page.of(rows, 3, r -> r).nextCursor()).isNull();
    assertThat(Page.of(rows, 5, r -> r).map(KeysetCursor::id).items()).hasSize(3);
  }

  @Test
  void timestampsAreUtcInstantsWhateverTheirOffset() {
    assertThat(Rows.iso(OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("2026-12-01T08:00:00Z");
    assertThat(Rows.iso(LocalDateTime.of(2026, 12, 1, 10, 0, 0, 500_000_000))).isEqualTo("2026-12-01T10:00:00.500Z");
    assertThat(Rows.iso((OffsetDateTime) null)).isNull();
    assertThat(Rows.camelCase("avg_processing_time_ms")).isEqualTo("avgProcessingTimeMs");
    assertThat(Rows.camelCase("_private")).isEqualTo("private");
  }

  @Test
  void timestampsInsideJsonbDocumentsReadAsTheSameInstant() {
    assertThat(Rows.iso(Rows.timestamp("2026-12-02T01:34:00.716378+01:00"))).isEqualTo("2026-12-02T00:34:00.716378Z");
    assertThat(Rows.timestamp(null)).isNull();
  }

  @Test
  void blankTextIsNull() {
    assertThat(Text.blankToNull(null)).isNull();
    assertThat(Text.blankToNull(" \t ")).isNull();
    assertThat(Text.blankToNull("  Leeds ")).isEqualTo("Leeds");
  }
}
