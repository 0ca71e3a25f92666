package org.jobdash.common.testing.hostile;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocxBombsTest {

  private static final long GIB = 1L << 30;

  @Test
  void theInflatingDocumentPartInflatesToAGigabyteFromAMegabyte() throws IOException {
    byte[] docx = DocxBombs.inflating(GIB);

    assertThat(docx.length).isLessThan(1_500_000);
    List<String> names = new ArrayList<>();
    long documentBytes = -1;
    String documentStart = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        if (e.getName().equals("word/document.xml")) {
          PdfBombsTest.CountingSink sink = new PdfBombsTest.CountingSink();
          sink.drain(zip);
          documentBytes = sink.count;
          documentStart = sink.first;
        }
      }
    }
    assertThat(names).containsExactly("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    assertThat(documentBytes).isGreaterThan(GIB).isLessThan(GIB + 1_000);
    assertThat(documentStart).startsWith("<?xml");
  }

  @Test
  void lyingSizesAreWhatTheHeadersSayNotWhatTheDataHolds(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    byte[] docx = DocxBombs.lyingSizes(64L << 20, 1_024);
    Path file = Files.write(dir.resolve("lying.docx"), docx);

    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertThat(zip.getEntry("word/document.xml").getSize()).isEqualTo(1_024);
    }
    assertThatThrownBy(() -> {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          new PdfBombsTest.CountingSink().drain(zip);
        }
      }
    }).isInstanceOf(ZipException.class).hasMessageContaining("invalid entry size");
  }

  @Test
  void theBillionLaughsDocumentExceedsTheXmlParsersEntityExpansionLimit() throws IOException {
    byte[] document = part(DocxBombs.billionLaughs(9, 10), "word/document.xml");

    assertThat(new String(document, StandardCharsets.UTF_8)).contains("<!ENTITY lol9 \"&lol8;&lol8;");
    assertThatThrownBy(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(document)))
        .isInstanceOf(SAXParseException.class).hasMessageContaining("entity expansions");
  }

  @Test
  void theMinimalDocumentIsWellFormedXmlWithItsText() throws Exception {
    byte[] document = part(DocxBombs.minimal("Priya Sharma\nTriage & care <ICU>"), "word/document.xml");

    var parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(document));
    assertThat(parsed.getDocumentElement().getTextContent()).isEqualTo("Priya SharmaTriage & care <ICU>");
    assertThat(new String(part(DocxBombs.externalEntity(), "word/document.xml"), StandardCharsets.UTF_8))
        .contains("SYSTEM \"file:///etc/passwd\"").contains("&xxe;");
  }

  private static byte[] part(byte[] docx, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          return zip.readAllBytes();
        }
      }
    }
    throw new AssertionError("no " + name);
  }
}
