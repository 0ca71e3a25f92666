package org.jobdash.resume.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a ZIP held in memory: each entry's name and declared sizes, read without inflating
 * anything. Declared sizes can lie; they let an honest bomb be refused at once, and the real read is bounded as it
 * inflates ({@link DocxText}).
 */
final class ZipDirectory {

  /** One entry as the central directory declares it. */
  record Entry(String name, long compressedSize, long size) {}

  /** The ZIP's structure cannot be read. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /** The directory lists more entries than the caller accepts. */
  static final class TooManyEntries extends Exception {
    TooManyEntries(long entries) {
      super(Long.toString(entries), null, false, false);
    }
  }

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int END_SIZE = 22;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_LOCATOR_SIZE = 20;
  private static final int ZIP64_END_SIGNATURE = 0x06064b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int ENTRY_SIZE = 46;
  private static final int ZIP64_EXTRA = 0x0001;
  private static final long MAX_COMMENT = 0xFFFF;
  private static final long UNKNOWN_32 = 0xFFFFFFFFL;

  private ZipDirectory() {}

  /** The entries, in directory order; refuses to list more than {@code maxEntries}. */
  static List<Entry> read(byte[] zip, long maxEntries) throws Unreadable, TooManyEntries {
    int end = findEnd(zip);
    long entries = u16(zip, end + 10);
    long offset = u32(zip, end + 16);
    if (entries == 0xFFFF || offset == UNKNOWN_32) {
      long[] zip64 = zip64End(zip, end);
      entries = zip64[0];
      offset = zip64[1];
    }
    if (entries < 0) {
      throw new Unreadable("the ZIP64 end record gives no usable entry count");
    }
    if (entries > maxEntries) {
      throw new TooManyEntries(entries);
    }
    List<Entry> out = new ArrayList<>((int) entries);
    long at = offset;
    for (long i = 0; i < entries; i++) {
      require(zip, at, ENTRY_SIZE);
      if (i32(zip, (int) at) != ENTRY_SIGNATURE) {
        throw new Unreadable("no central directory entry at " + at);
      }
      int p = (int) at;
      long compressed = u32(zip, p + 20);
      long size = u32(zip, p + 24);
      int nameLength = u16(zip, p + 28);
      int extraLength = u16(zip, p + 30);
      int commentLength = u16(zip, p + 32);
      require(zip, at + ENTRY_SIZE, (long) nameLength + extraLength + commentLength);
      String name = new String(zip, p + ENTRY_SIZE, nameLength, StandardCharsets.UTF_8);
      if (size == UNKNOWN_32 || compressed == UNKNOWN_32) {
        long[] sizes = zip64Sizes(zip, p + ENTRY_SIZE + nameLength, extraLength, size, compressed);
        size = sizes[0];
        compressed = sizes[1];
      }
      out.add(new Entry(name, compressed, size));
      at += ENTRY_SIZE + nameLength + extraLength + commentLength;
    }
    return out;
  }

  /** The end of central directory record: the last signature whose comment runs to the end of the bytes. */
  private static int findEnd(byte[] zip) throws Unreadable {
    for (long p = zip.length - END_SIZE; p >= 0 && p >= zip.length - END_SIZE - MAX_COMMENT; p--) {
      int i = (int) p;
      if (i32(zip, i) == END_SIGNATURE && i + END_SIZE + u16(zip, i + 20) <= zip.length) {
        return i;
      }
    }
    throw new Unreadable("no end of central directory record");
  }

  /** {entries, directory offset} from the ZIP64 end record that the locator before {@code end} points to. */
  private static long[] zip64End(byte[] zip, int end) throws Unreadable {
    int locator = end - ZIP64_LOCATOR_SIZE;
    if (locator < 0 || i32(zip, locator) != ZIP64_LOCATOR_SIGNATURE) {
      throw new Unreadable("no ZIP64 end of central directory locator");
    }
    long record = u64(zip, locator + 8);
    require(zip, record, 56);
    if (i32(zip, (int) record) != ZIP64_END_SIGNATURE) {
      throw new Unreadable("no ZIP64 end of central directory record");
    }
    return new long[] {u64(zip, (int) record + 32), u64(zip, (int) record + 48)};
  }

  /** {size, compressed size} from the ZIP64 extra field, which holds the 64-bit value of each one marked unknown. */
  private static long[] zip64Sizes(byte[] zip, int extra, int length, long size, long compressed) throws Unreadable {
    for (int p = extra; p + 4 <= extra + length; ) {
      int id = u16(zip, p);
      int dataLength = u16(zip, p + 2);
      if (id == ZIP64_EXTRA) {
        int q = p + 4;
        long realSize = size;
        long realCompressed = compressed;
        if (size == UNKNOWN_32) {
          require(zip, q, 8);
          realSize = u64(zip, q);
          q += 8;
        }
        if (compressed == UNKNOWN_32) {
          require(zip, q, 8);
          realCompressed = u64(zip, q);
        }
        return new long[] {realSize, realCompressed};
      }
      p += 4 + dataLength;
    }
    throw new Unreadable("an entry's sizes are marked ZIP64 but it has no ZIP64 field");
  }

  private static void require(byte[] zip, long at, long length) throws Unreadable {
    if (at < 0 || length < 0 || at + length > zip.length) {
      throw new Unreadable("the central directory runs past the end of the file");
    }
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  private static int i32(byte[] b, int p) {
    return u16(b, p) | u16(b, p + 2) << 16;
  }

  private static long u32(byte[] b, int p) {
    return i32(b, p) & UNKNOWN_32;
  }

  /** A 64-bit little-endian value; one past {@code Long.MAX_VALUE} reads as negative, which every check refuses. */
  private static long u64(byte[] b, int p) {
    return u32(b, p) | u32(b, p + 4) << 32;
  }
}
