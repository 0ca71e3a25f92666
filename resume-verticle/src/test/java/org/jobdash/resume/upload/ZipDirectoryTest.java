package org.jobdash.resume.upload;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipDirectoryTest {

  private static byte[] zip(int entries, String comment) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entries; i++) {
        zip.putNextEntry(new ZipEntry("part" + i + ".xml"));
        zip.write("<a>hello</a>".repeat(i + 1).getBytes(StandardCharsets.UTF_8));
      }
      zip.setComment(comment);
    }
    return bytes.toByteArray();
  }

  @Test
  void theDirectoryGivesNamesAndDeclaredSizesWithoutInflating() throws Exception {
    List<ZipDirectory.Entry> entries = ZipDirectory.read(zip(3, "a comment"), 10);

    assertThat(entries).extracting(ZipDirectory.Entry::name).containsExactly("part0.xml", "part1.xml", "part2.xml");
    assertThat(entries).extracting(ZipDirectory.Entry::size).containsExactly(12L, 24L, 36L);
    assertThat(entries).allSatisfy(e -> assertThat(e.compressedSize()).isPositive());
  }

  @Test
  void moreEntriesThanAcceptedAreRefusedBeforeTheyAreListed() {
    assertThatThrownBy(() -> ZipDirectory.read(zip(5, null), 4)).isInstanceOf(ZipDirectory.TooManyEntries.class)
        .hasMessage("5");
  }

  @Test
  void aTruncatedOrForeignFileIsUnreadable() throws Exception {
    byte[] zip = zip(3, null);

    assertThatThrownBy(() -> ZipDirectory.read(Arrays.copyOf(zip, zip.length - 30), 10))
        .isInstanceOf(ZipDirectory.Unreadable.class);
    assertThatThrownBy(() -> ZipDirectory.read(Arrays.copyOfRange(zip, 40, zip.length), 10))
        .isInstanceOf(ZipDirectory.Unreadable.class);
    assertThatThrownBy(() -> ZipDirectory.read("PK".getBytes(StandardCharsets.US_ASCII), 10))
        .isInstanceOf(ZipDirectory.Unreadable.class);
  }
}
