package org.jobdash.resume.upload;

import org.jobdash.common.http.ApiException;

/** The 422 problems of files that cannot be read; each type names the reason, so clients can tell them apart. */
final class UploadProblems {

  private UploadProblems() {}

  static ApiException corrupt(String kind) {
    return new ApiException(422, "corrupt", "Corrupt file", "The " + kind + " file is corrupt and cannot be read",
        null, null);
  }

  static ApiException encrypted(String kind) {
    return new ApiException(422, "encrypted", "Encrypted file", "The " + kind + " file is encrypted "
        + "(password-protected); upload it without a password", null, null);
  }

  /** Compressed content that expands far beyond what a résumé needs: refused before it is expanded. */
  static ApiException decompressionBomb(String why) {
    return new ApiException(422, "decompression-bomb", "Decompression bomb",
        "The file cannot be read within the limits: " + why, null, null);
  }

  /** @param pages how many pages the PDF has, as far as is known ("20000", "more than 100") */
  static ApiException tooManyPages(String pages, int maxPages) {
    return new ApiException(422, "too-many-pages", "Too many pages", "The PDF has " + pages + " pages; at most "
        + maxPages + " are accepted", null, null);
  }

  /** A document type declaration in an Office part: the way to entity expansion (billion laughs). */
  static ApiException xmlEntityExpansion(String part) {
    return new ApiException(422, "xml-entity-expansion", "XML entity expansion", "The document's part " + part
        + " declares a document type (DTD); Word and OpenDocument files never need one, and it can expand without "
        + "limit", null,
        null);
  }

  /** Structure nested far deeper than any real document (RTF groups): refused before a parser holds every level. */
  static ApiException tooDeeplyNested(String why) {
    return new ApiException(422, "too-deeply-nested", "Too deeply nested", "The file cannot be read within the "
        + "limits: " + why, null, null);
  }

  static ApiException pageTooDense(int page, int maxGlyphs) {
    return new ApiException.TooLarge("Page " + page + " of the PDF draws more than " + maxGlyphs
        + " characters; a page may have at most " + maxGlyphs);
  }

  /** @param count how many characters the text has, as far as is known */
  static ApiException textTooLong(String count, int maxChars) {
    return new ApiException.TooLarge("The file's text has " + count + " characters; at most " + maxChars
        + " are accepted");
  }
}
