package org.jobdash.resume.upload;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.jobdash.common.http.ApiException;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides what an uploaded file is from its bytes (never its name or the client's content type) and extracts its
 * text: PDF with PDFBox, DOCX with POI, UTF-8 text as is. Blocking and CPU-heavy: call on a worker thread only.
 */
public final class FileInspector {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String TEXT = "text/plain";
  public static final String MARKDOWN = "text/markdown";

  private static final String SUPPORTED = "PDF, DOCX, plain text or Markdown";

  private final int maxChars;

  /** @param maxChars the most characters of text a résumé may have */
  public FileInspector(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Loads the detector's type database, so that the first upload does not pay for it. */
  public static void warmUp() {
    MimeTypes.getDefaultMimeTypes();
  }

  public InspectedFile inspect(byte[] bytes, String originalName) {
    if (bytes.length == 0) {
      throw ApiException.Invalid.field("file", "is empty");
    }
    String mimeType;
    String text;
    switch (detect(bytes)) {
      case "application/pdf" -> {
        mimeType = PDF;
        text = pdfText(bytes);
      }
      case "application/x-tika-ooxml", "application/zip" -> {
        requireWordDocument(bytes);
        mimeType = DOCX;
        text = docxText(bytes);
      }
      case "application/x-tika-msoffice" -> throw oleDocument(bytes);
      default -> {
        text = utf8Text(bytes);
        mimeType = MarkdownSniffer.isMarkdown(originalName, text) ? MARKDOWN : TEXT;
      }
    }
    text = TextNormaliser.normalise(text);
    if (text.isBlank()) {
      throw new ApiException.Unprocessable("The file has no text to read (a scanned image?); upload a file with text");
    }
    if (text.length() > maxChars) {
      throw new ApiException.TooLarge("The file's text has " + text.length() + " characters; at most " + maxChars
          + " are accepted");
    }
    return new InspectedFile(mimeType, text, sha256(bytes));
  }

  /** The type from the magic bytes alone: no file name is given to the detector. */
  private static String detect(byte[] bytes) {
    try (InputStream in = TikaInputStream.get(bytes)) {
      return MimeTypes.getDefaultMimeTypes().detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new IllegalStateException("type detection failed", e);
    }
  }

  private static String pdfText(byte[] bytes) {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
        throw encrypted("PDF");
      }
      if (document.getNumberOfPages() == 0) {
        throw corrupt("PDF");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    } catch (InvalidPasswordException e) {
      throw encrypted("PDF");
    } catch (ApiException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw corrupt("PDF");
    }
  }

  /** tika-core alone calls every OOXML package (and a bare ZIP) by a generic name: look for the Word part. */
  private static void requireWordDocument(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      boolean any = false;
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        any = true;
        if ("word/document.xml".equals(entry.getName())) {
          return;
        }
      }
      if (!any) {
        throw corrupt("DOCX");
      }
    } catch (IOException e) {
      throw corrupt("DOCX");
    }
    throw new ApiException.UnsupportedType("The file is a ZIP archive but not a Word document; upload " + SUPPORTED);
  }

  private static String docxText(byte[] bytes) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
         XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      return extractor.getText();
    } catch (IOException | RuntimeException e) {
      throw corrupt("DOCX");
    }
  }

  /** An OLE2 container: a password-protected DOCX (its package is encrypted inside one) or a legacy .doc. */
  private static ApiException oleDocument(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (fs.getRoot().hasEntry("EncryptionInfo")) {
        return encrypted("DOCX");
      }
    } catch (IOException | RuntimeException e) {
      return corrupt("Office");
    }
    return new ApiException.UnsupportedType("Word 97-2003 (.doc) and other legacy Office files are not supported; "
        + "upload " + SUPPORTED);
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

  /** 422 with problem type {@code corrupt}, so that clients can tell it from an encrypted file. */
  private static ApiException corrupt(String kind) {
    return new ApiException(422, "corrupt", "Corrupt file", "The " + kind + " file is corrupt and cannot be read",
        null, null);
  }

  /** 422 with problem type {@code encrypted}. */
  private static ApiException encrypted(String kind) {
    return new ApiException(422, "encrypted", "Encrypted file", "The " + kind + " file is encrypted "
        + "(password-protected); upload it without a password", null, null);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
