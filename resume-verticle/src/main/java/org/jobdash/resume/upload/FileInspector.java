package org.jobdash.resume.upload;

import io.vertx.core.json.JsonObject;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.Deadline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Decides what an uploaded file is from its bytes (never its name or the client's content type) and extracts its
 * text: PDF with PDFBox, DOCX and legacy Word with POI, ODT and RTF with Tika's parsers, a JSON Resume file rendered
 * from its document, UTF-8 text as is; within {@link Limits} and a {@link Deadline}, so that no
 * file can take more memory or time than those allow. Blocking and CPU-heavy: call on a worker thread only.
 */
public final class FileInspector {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String TEXT = "text/plain";
  public static final String MARKDOWN = "text/markdown";
  public static final String JSON = "application/json";

  public static final String ODT = "application/vnd.oasis.opendocument.text";
  public static final String RTF = "application/rtf";
  public static final String DOC = "application/msword";

  private static final String SUPPORTED = "PDF, DOCX, ODT, RTF, DOC, a JSON Resume file, plain text or Markdown";

  /**
   * What one file may cost to read.
   *
   * @param maxChars        the most characters of text a résumé may have
   * @param maxPages        the most pages of a PDF
   * @param maxDecodedBytes the most bytes a file's decoders may produce (PDF streams, DOCX parts) all told
   */
  public record Limits(int maxChars, int maxPages, long maxDecodedBytes) {}

  private final Limits limits;

  public FileInspector(Limits limits) {
    this.limits = limits;
  }

  /**
   * Loads the detector's type database, so that the first upload does not pay for it, and puts the decode limit
   * into PDFBox (failing the start if that PDFBox version does not allow it).
   */
  public static void warmUp() {
    MimeTypes.getDefaultMimeTypes();
    if (!PdfFilterGuard.installed()) {
      throw new IllegalStateException("the PDF decode limit is not in place");
    }
  }

  public InspectedFile inspect(byte[] bytes, String originalName, Deadline deadline) {
    if (bytes.length == 0) {
      throw ApiException.Invalid.field("file", "is empty");
    }
    ReadBudget budget = new ReadBudget(limits.maxDecodedBytes(), deadline);
    String mimeType;
    String text;
    JsonObject jsonResume = null;
    switch (detect(bytes)) {
      case "application/pdf" -> {
        mimeType = PDF;
        text = PdfText.read(bytes, limits.maxPages(), limits.maxChars(), budget);
      }
      case "application/x-tika-ooxml", "application/zip" -> {
        mimeType = DOCX;
        text = DocxText.read(bytes, budget, SUPPORTED);
      }
      case ODT -> {
        mimeType = ODT;
        text = OdtText.read(bytes, budget, limits.maxChars(), SUPPORTED);
      }
      case RTF -> {
        mimeType = RTF;
        text = RtfText.read(bytes, budget, limits.maxChars());
      }
      case "application/x-tika-msoffice", DOC -> {
        mimeType = DOC;
        text = oleDocument(bytes, budget);
      }
      default -> {
        mimeType = TEXT;
        text = utf8Text(bytes);
        if (JsonResumeFile.looksLikeJson(text)) {
          mimeType = JSON;
          jsonResume = JsonResumeFile.read(bytes);
          text = JsonResumeFile.text(jsonResume, deadline);
        }
      }
    }
    deadline.check();
    text = TextNormaliser.normalise(text);
    if (text.isBlank()) {
      throw new ApiException.Unprocessable("The file has no text to read (a scanned image?); upload a file with text");
    }
    if (text.length() > limits.maxChars()) {
      throw UploadProblems.textTooLong(Integer.toString(text.length()), limits.maxChars());
    }
    if (TEXT.equals(mimeType) && MarkdownSniffer.isMarkdown(originalName, text, deadline)) {
      mimeType = MARKDOWN;
    }
    return new InspectedFile(mimeType, text, sha256(bytes), jsonResume);
  }

  /** The type from the magic bytes alone: no file name is given to the detector. */
  private static String detect(byte[] bytes) {
    try (InputStream in = TikaInputStream.get(bytes)) {
      return MimeTypes.getDefaultMimeTypes().detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new IllegalStateException("type detection failed", e);
    }
  }

  /** An OLE2 container: a password-protected DOCX (its package is encrypted inside one), a legacy .doc, or other. */
  private String oleDocument(byte[] bytes, ReadBudget budget) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (fs.getRoot().hasEntry("EncryptionInfo")) {
        throw UploadProblems.encrypted("DOCX");
      }
      if (!fs.getRoot().hasEntry("WordDocument")) {
        throw new ApiException.UnsupportedType("Legacy Office files other than Word documents are not supported; "
            + "upload " + SUPPORTED);
      }
      return DocText.read(fs, budget, limits.maxChars());
    } catch (IOException | RuntimeException e) {
      budget.rethrow();
      throw e instanceof ApiException api ? api : UploadProblems.corrupt("Office");
    }
  }

  /** Any UTF-8 text is accepted (a byte-order mark is dropped); anything else is not a supported type. */
  private static String utf8Text(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw unsupported();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        throw unsupported();
      }
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ApiException unsupported() {
    return new ApiException.UnsupportedType("The file is not a " + SUPPORTED + " file (decided from its content, "
        + "not its name)");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
