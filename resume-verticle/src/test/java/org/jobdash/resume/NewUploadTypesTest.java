package org.jobdash.resume;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenDocument text, RTF and legacy Word uploads, real and hostile, over real HTTP. */
@ExtendWith(BlockedThreadGuard.class)
class NewUploadTypesTest {

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static final String CONTENT_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  static final String CONTENT_BODY = "<office:document-content "
      + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
      + "<office:body><office:text>%s</office:text></office:body></office:document-content>";

  /** An ODT as office suites write it: the mimetype stored first, then the content and the manifest. */
  static byte[] odt(byte[] contentXml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(contentXml);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
          + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
          + "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
          + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
          + "</manifest:manifest>").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] odt(String... paragraphs) {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<text:p>").append(p).append("</text:p>");
    }
    return odt((CONTENT_HEAD + CONTENT_BODY.formatted(body)).getBytes(StandardCharsets.UTF_8));
  }

  static void assertRefused(TestClient.Response r, int status, String type, ResumeHarness.Caller caller) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    if (type != null) {
      assertThat(r.json().getString("type")).endsWith("/" + type);
    }
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
    assertThat(h.storedFiles(caller.id())).isEmpty();
  }

  @Test
  void anOdtIsStoredWithItsText() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] odt = odt("Amara Nwosu", "EXPERIENCE", "Sous chef, Brasserie Lumière");

    TestClient.Response r = h.upload(caller, "cv.odt", odt, "application/octet-stream");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("mimeType")).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(r.json().getString("content")).isEqualTo("Amara Nwosu\nEXPERIENCE\nSous chef, Brasserie Lumière");
  }

  @Test
  void anRtfIsStoredWithItsText() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] rtf = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}\\f0\\pard Amara Nwosu\\par\n"
        + "EXPERIENCE\\par\nSous chef, Brasserie Lumi\\'e8re\\par\n}").getBytes(StandardCharsets.US_ASCII);

    TestClient.Response r = h.upload(caller, "cv.rtf", rtf, "application/rtf");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("mimeType")).isEqualTo("application/rtf");
    assertThat(r.json().getString("content")).contains("Amara Nwosu").contains("EXPERIENCE")
        .contains("Sous chef, Brasserie Lumière").doesNotContain("Helvetica");
  }

  @Test
  void anOdtBombIsRefusedBeforeItInflates() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] zeros = new byte[80 * Bombs.MIB];
    byte[] bomb = odt(zeros);

    assertRefused(h.upload(caller, "bomb.odt", bomb, "application/vnd.oasis.opendocument.text"), 422,
        "decompression-bomb", caller);
  }

  @Test
  void anOdtWithADtdIsRefused() {
    ResumeHarness.Caller caller = h.newUser();
    String laughs = new String(Bombs.billionLaughsXml(), StandardCharsets.UTF_8);
    byte[] content = laughs.replace("w:document", "office:document-content").getBytes(StandardCharsets.UTF_8);

    assertRefused(h.upload(caller, "laughs.odt", odt(content), "application/vnd.oasis.opendocument.text"), 422,
        "xml-entity-expansion", caller);
  }

  @Test
  void anRtfNestedWithoutEndIsRefused() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] rtf = ("{\\rtf1\\ansi " + "{".repeat(200_000) + "x").getBytes(StandardCharsets.US_ASCII);

    assertRefused(h.upload(caller, "deep.rtf", rtf, "application/rtf"), 422, "too-deeply-nested", caller);
  }

  @Test
  void aCorruptRtfOrOdtIsA422() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] odt = odt("Amara");
    byte[] truncated = java.util.Arrays.copyOf(odt, odt.length - 30);

    TestClient.Response r = h.upload(caller, "cut.odt", truncated, "application/vnd.oasis.opendocument.text");
    assertThat(r.status()).as(r.toString()).isBetween(415, 422);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
  }

  @Test
  void aLegacyWordFileWrittenByWordIsStoredWithItsText() throws IOException {
    ResumeHarness.Caller caller = h.newUser();
    byte[] doc;
    try (var in = NewUploadTypesTest.class.getResourceAsStream("/formats/testWORD.doc")) {
      doc = in.readAllBytes();
    }

    TestClient.Response r = h.upload(caller, "cv.doc", doc, "application/msword");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("mimeType")).isEqualTo("application/msword");
    assertThat(r.json().getString("content")).contains("Sample Word Document Title").contains("Heading Level 3");
  }

  @Test
  void aWordFileWhosePieceTableDeclaresGigabytesIsRefusedBeforeHwpfCopiesThem() throws IOException {
    ResumeHarness.Caller caller = h.newUser();
    byte[] doc;
    try (var in = NewUploadTypesTest.class.getResourceAsStream("/formats/testWORD.doc")) {
      doc = in.readAllBytes();
    }
    byte[] bomb;
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc));
         ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var root = fs.getRoot();
      byte[] main = readStream(root, "WordDocument");
      var fib = new org.apache.poi.hwpf.model.FileInformationBlock(main);
      String tableName = fib.getFibBase().isFWhichTblStm() ? "1Table" : "0Table";
      byte[] table = readStream(root, tableName);
      fib.fillVariableFields(main, table);
      // the piece table's last character position, after its type byte, its length and the first position
      int last = fib.getFcClx() + 1 + 4 + 4;
      assertThat(table[fib.getFcClx()]).as("a Word file whose CLX is the piece table alone").isEqualTo((byte) 2);
      int gigabyte = 1 << 30;
      for (int i = 0; i < 4; i++) {
        table[last + i] = (byte) (gigabyte >>> (8 * i));
      }
      root.createOrUpdateDocument(tableName, new ByteArrayInputStream(table));
      fs.writeFilesystem(out);
      bomb = out.toByteArray();
    }

    assertRefused(h.upload(caller, "bomb.doc", bomb, "application/msword"), 413, "too-large", caller);
  }

  private static byte[] readStream(org.apache.poi.poifs.filesystem.DirectoryNode root, String name)
      throws IOException {
    try (var in = new org.apache.poi.poifs.filesystem.DocumentInputStream(
        (org.apache.poi.poifs.filesystem.DocumentEntry) root.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  @Test
  void legacyWordFilesAreReadOrRefusedClearly() throws IOException {
    ResumeHarness.Caller caller = h.newUser();
    byte[] notWord;
    byte[] brokenWord;
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fs.createDocument(new ByteArrayInputStream(new byte[1024]), "Workbook");
      fs.writeFilesystem(out);
      notWord = out.toByteArray();
    }
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // a WordDocument stream of zeros: no encryption flag, no piece table
      byte[] garbage = new byte[4096];
      fs.createDocument(new ByteArrayInputStream(garbage), "WordDocument");
      fs.writeFilesystem(out);
      brokenWord = out.toByteArray();
    }

    assertRefused(h.upload(caller, "book.xls", notWord, "application/vnd.ms-excel"), 415, null, caller);
    assertRefused(h.upload(caller, "broken.doc", brokenWord, "application/msword"), 422, "corrupt", caller);
    assertRefused(h.upload(caller, "locked.docx", Documents.encryptedDocx(), UploadAndDownloadTest.DOCX), 422,
        "encrypted", caller);
  }
}
