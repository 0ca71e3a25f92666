package org.jobdash.resume.upload;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A ZIP read entry by entry as POI reads a package, bounded by what comes out of the inflater (declared sizes can
 * lie): every inflated byte is charged to the {@link ReadBudget}, an entry that inflates beyond ZipSecureFile's
 * minimum ratio (after its grace size) is a bomb, the number of entries is capped at ZipSecureFile's maximum, and
 * XML parts are watched for a DTD. The limits are POI's own settings, checked here first so that the refusal says
 * which limit it was; POI's threshold stream, which POI puts around this one, checks them again.
 */
final class GuardedZipInput extends ZipArchiveInputStream {

  private final ReadBudget budget;
  private long entries;
  private String entry;
  private XmlPrologGuard prolog;

  GuardedZipInput(InputStream zip, ReadBudget budget) {
    // the options POI opens packages with: UTF-8 names, Unicode extra fields, stored entries with data descriptors
    super(zip, StandardCharsets.UTF_8.name(), true, true);
    this.budget = budget;
  }

  @Override
  public ZipArchiveEntry getNextEntry() throws IOException {
    ZipArchiveEntry next = super.getNextEntry();
    if (next != null) {
      if (++entries > ZipSecureFile.getMaxFileCount()) {
        throw budget.refuse(UploadProblems.decompressionBomb("The archive has more than "
            + ZipSecureFile.getMaxFileCount() + " entries"));
      }
      entry = next.getName();
      prolog = isXml(entry) ? new XmlPrologGuard() : null;
    }
    return next;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      budget.charge(n);
      long inflated = getUncompressedCount();
      if (inflated > ZipSecureFile.getGraceEntrySize()
          && (double) getCompressedCount() / inflated < ZipSecureFile.getMinInflateRatio()) {
        throw budget.refuse(UploadProblems.decompressionBomb("The entry " + entry + " inflates more than "
            + Math.round(1 / ZipSecureFile.getMinInflateRatio()) + " times"));
      }
      if (prolog != null && prolog.declaresDoctype(buffer, offset, n)) {
        throw budget.refuse(UploadProblems.xmlEntityExpansion(entry));
      }
    }
    return n;
  }

  private static boolean isXml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xml") || lower.endsWith(".rels");
  }
}
