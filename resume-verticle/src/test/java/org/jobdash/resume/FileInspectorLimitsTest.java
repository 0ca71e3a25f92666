package org.jobdash.resume;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.upload.FileInspector;
import org.jobdash.resume.upload.InspectedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The upload parser's limits, without HTTP: each hostile file is refused with the problem that names why. */
class FileInspectorLimitsTest {

  static final String DOCX = UploadAndDownloadTest.DOCX;
  private static final int MAX_CHARS = 100_000;
  private static final long MAX_DECODED = 4L * Bombs.MIB;
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  private final FileInspector inspector = new FileInspector(new FileInspector.Limits(MAX_CHARS, 50, MAX_DECODED));

  @BeforeAll
  static void warmUp() {
    FileInspector.warmUp();
  }

  private InspectedFile inspect(byte[] bytes) {
    return assertTimeoutPreemptively(HANG_GUARD,
        () -> inspector.inspect(bytes, "cv", Deadline.after(Duration.ofSeconds(30))));
  }

  private ApiException refusal(byte[] bytes) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> inspect(bytes));
    assertThat(e).as("refused").isNotNull();
    return e;
  }

  private void assertRefused(byte[] bytes, int status, String type) {
    ApiException e = refusal(bytes);
    assertThat(e.status()).as(e.detail()).isEqualTo(status);
    assertThat(e.type()).as(e.detail()).isEqualTo(type);
  }

  @Test
  void theZeroBombsAreRealDeflateStreamsOfTheSizeTheyClaim() throws IOException {
    long inflated = 0;
    boolean onlyZeros = true;
    // the stream checks its Adler-32 at the end: a wrong one fails the read
    try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(Bombs.zlibZeros(48)))) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        inflated += n;
        for (int i = 0; i < n; i++) {
          onlyZeros &= buffer[i] == 0;
        }
      }
    }
    assertThat(inflated).isEqualTo(48L * Bombs.MIB);
    assertThat(onlyZeros).isTrue();
    Inflater raw = new Inflater(true);
    raw.setInput(Bombs.deflatedZeros(3));
    byte[] out = new byte[4 * Bombs.MIB];
    assertThat(inflateAll(raw, out)).isEqualTo(3 * Bombs.MIB);
    assertThat(raw.finished()).isTrue();
  }

  private static int inflateAll(Inflater inflater, byte[] out) {
    try {
      int total = 0;
      while (!inflater.finished() && total < out.length) {
        total += inflater.inflate(out, total, out.length - total);
      }
      return total;
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aFlateBombInAPageIsRefusedAtTheDecodeLimit() {
    assertRefused(Bombs.flatePdf(4096), 422, "decompression-bomb");
  }

  @Test
  void aFlateBombInAFormXObjectIsRefusedAsWell() {
    assertRefused(pdfWithForm(Bombs.zlibZeros(1024)), 422, "decompression-bomb");
  }

  @Test
  void aPdfWithMorePagesThanTheLimitIsRefusedBeforeItsTextIsRead() {
    ApiException e = refusal(Bombs.manyPagesPdf(20_000));

    assertThat(e.type()).isEqualTo("too-many-pages");
    assertThat(e.detail()).contains("20000").contains("50");
  }

  @Test
  void aPdfWithMoreTextThanAResumeMayHaveIs413() {
    String line = "Wired forty houses and kept every site safe and tidy for the next trade to come in";
    String[] lines = new String[60];
    java.util.Arrays.fill(lines, line);
    // 50 pages of about 5,000 characters: the stripper stops before it has them all
    ApiException e = refusal(manyTextPages(50, lines));

    assertThat(e.status()).isEqualTo(413);
    assertThat(e.detail()).contains("more than " + MAX_CHARS);
  }

  @Test
  void aPageThatDrawsMoreGlyphsThanAnyPageHasIsRefusedBeforeThemAll() {
    // 4 MiB of text-showing operators, flate-compressed to a few KiB, on one page
    byte[] content = ("BT /F1 1 Tf " + "(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa) Tj ".repeat(90_000) + "ET")
        .getBytes(StandardCharsets.US_ASCII);
    ApiException e = refusal(pdfWithContent(content));

    assertThat(e.status()).isEqualTo(413);
    assertThat(e.detail()).contains("Page 1").contains("100000");
  }

  @Test
  void aRealPdfAndDocxAreStillRead() {
    assertThat(inspect(Documents.pdf("Jane Doe", "Electrician")).text()).contains("Electrician");
    assertThat(inspect(Documents.docx("John Smith", "Plumber")).text()).contains("Plumber");
    assertThat(inspect(Bombs.docx(Documents.docx("Hand", "Written"), List.of(), List.of())).text())
        .contains("Written");
  }

  @Test
  void aDocxWhoseDirectoryDeclaresTooMuchIsRefusedWithoutInflating() {
    // each part compresses well but not suspiciously: only their sum is too much
    List<Bombs.Part> parts = java.util.stream.IntStream.range(0, 9)
        .mapToObj(i -> Bombs.Part.of("word/media/p" + i + ".bin", text(Bombs.MIB / 2, i))).toList();

    ApiException e = refusal(Bombs.docx(Documents.docx("Jane"), List.of(), parts));

    assertThat(e.type()).isEqualTo("decompression-bomb");
    assertThat(e.detail()).contains("declare more than " + MAX_DECODED);
  }

  @Test
  void aDocxPartThatLiesAboutItsSizeIsStoppedByWhatInflates() {
    // the directory says 2 KiB; what inflates is text, at a ratio no bomb check would call suspicious
    Bombs.Part lying = Bombs.Part.of("word/document.xml", text(6 * Bombs.MIB, 7)).declaring(2048);

    ApiException e = refusal(Bombs.docx(Documents.docx("Jane"), List.of(lying), List.of()));

    assertThat(e.type()).isEqualTo("decompression-bomb");
    assertThat(e.detail()).contains("decodes to more than " + MAX_DECODED);
  }

  @Test
  void aDocxPartOfZerosThatLiesAboutItsSizeFailsTheRatioAsItInflates() {
    Bombs.Part lying = Bombs.Part.zeros("word/settings.xml", 64).declaring(100);

    ApiException e = refusal(Bombs.docx(Documents.docx("Jane"), List.of(lying), List.of()));

    assertThat(e.type()).isEqualTo("decompression-bomb");
    assertThat(e.detail()).contains("word/settings.xml").contains("inflates more than 100 times");
  }

  @Test
  void aBillionLaughsInAnyXmlPartIsRefused() {
    for (String part : List.of("word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")) {
      ApiException e = refusal(Bombs.docx(Documents.docx("Jane"),
          List.of(Bombs.Part.of(part, Bombs.billionLaughsXml())), List.of()));
      assertThat(e.type()).as(part).isEqualTo("xml-entity-expansion");
      assertThat(e.detail()).contains(part);
    }
  }

  @Test
  void aZipWithoutAWordDocumentIsUnsupportedAndAnEmptyOneCorrupt() {
    assertRefused(Bombs.zip(List.of(Bombs.Part.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)))), 415,
        "unsupported-media-type");
    assertRefused(Bombs.zip(List.of()), 422, "corrupt");
  }

  @Test
  void workPastItsDeadlineIsRefusedWithProcessingTimeExceeded() {
    byte[] text = "Jane".getBytes(StandardCharsets.UTF_8);
    for (byte[] file : List.of(Documents.pdf("Jane"), Documents.docx("Jane"), text)) {
      ApiException e = catchThrowableOfType(ApiException.class,
          () -> inspector.inspect(file, "cv", Deadline.after(Duration.ZERO)));
      assertThat(e.type()).isEqualTo("processing-time-exceeded");
      assertThat(e.status()).isEqualTo(422);
    }
  }

  /** Varied text that deflates about three to one: no ratio check takes it for a bomb. */
  private static byte[] text(int size, long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder sb = new StringBuilder(size);
    String[] words = {"wiring", "safety", "houses", "panel", "circuit", "install", "repair", "test", "site", "team"};
    while (sb.length() < size) {
      sb.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
    }
    return sb.substring(0, size).getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF whose page draws a form XObject whose content stream is {@code formContent} (FlateDecode). */
  private static byte[] pdfWithForm(byte[] formContent) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDStream stream = new PDStream(document);
      try (OutputStream raw = stream.getCOSObject().createRawOutputStream()) {
        raw.write(formContent);
      }
      stream.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
      PDFormXObject form = new PDFormXObject(stream);
      form.setBBox(page.getMediaBox());
      PDResources resources = new PDResources();
      resources.add(form);
      page.setResources(resources);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawForm(form);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page PDF with Helvetica as /F1 and {@code content} as its FlateDecode content stream. */
  private static byte[] pdfWithContent(byte[] content) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      page.setResources(resources);
      PDStream stream = new PDStream(document, new ByteArrayInputStream(content), COSName.FLATE_DECODE);
      page.setContents(stream);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] manyTextPages(int pages, String[] lines) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(document, page)) {
          text.beginText();
          text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
          text.setLeading(12);
          text.newLineAtOffset(40, 750);
          for (String line : lines) {
            text.showText(line);
            text.newLine();
          }
          text.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
