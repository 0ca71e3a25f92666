package org.jobdash.common.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a ZIP archive byte by byte, so that it can say what a well-behaved writer never would: sizes that lie,
 * and entries of gigabytes made from a {@link DeflatedRun}. No data descriptors, no ZIP64: every declared size
 * fits 32 bits.
 */
public final class ZipWriter {

  private static final int STORED = 0;
  private static final int DEFLATED = 8;
  /** 1980-01-01 00:00, the earliest DOS date: fixed so that archives are the same byte for byte. */
  private static final int DOS_TIME = 0;
  private static final int DOS_DATE = (1 << 5) | 1;

  private record Entry(String name, int method, byte[] data, long crc, long compressedSize, long size) {}

  private final List<Entry> entries = new ArrayList<>();

  public ZipWriter stored(String name, byte[] data) {
    entries.add(new Entry(name, STORED, data, crc(data), data.length, data.length));
    return this;
  }

  public ZipWriter deflated(String name, byte[] data) {
    byte[] compressed = deflate(data);
    entries.add(new Entry(name, DEFLATED, compressed, crc(data), compressed.length, data.length));
    return this;
  }

  public ZipWriter deflated(String name, DeflatedRun run) {
    if (run.inflatedSize() >= 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("entries of 4 GiB and more need ZIP64, which this writer does not write");
    }
    entries.add(new Entry(name, DEFLATED, run.compressed(), run.crc32(), run.compressed().length, run.inflatedSize()));
    return this;
  }

  /** The last entry's local and central headers claim these sizes instead of the true ones. */
  public ZipWriter declaring(long compressedSize, long size) {
    Entry last = entries.remove(entries.size() - 1);
    entries.add(new Entry(last.name(), last.method(), last.data(), last.crc(), compressedSize, size));
    return this;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Long> offsets = new ArrayList<>();
    for (Entry e : entries) {
      offsets.add((long) out.size());
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      int32(out, 0x04034b50);
      int16(out, 20);
      int16(out, 0x0800);
      header(out, e, name.length);
      int16(out, 0);
      out.writeBytes(name);
      out.writeBytes(e.data());
    }
    long directory = out.size();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      int32(out, 0x02014b50);
      int16(out, 20);
      int16(out, 20);
      int16(out, 0x0800);
      header(out, e, name.length);
      int16(out, 0);
      int16(out, 0);
      int16(out, 0);
      int16(out, 0);
      int32(out, 0);
      int32(out, offsets.get(i));
      out.writeBytes(name);
    }
    long directorySize = out.size() - directory;
    int32(out, 0x06054b50);
    int16(out, 0);
    int16(out, 0);
    int16(out, entries.size());
    int16(out, entries.size());
    int32(out, directorySize);
    int32(out, directory);
    int16(out, 0);
    return out.toByteArray();
  }

  /** method, time, date, CRC, sizes and name length: the part both headers share. */
  private static void header(ByteArrayOutputStream out, Entry e, int nameLength) {
    int16(out, e.method());
    int16(out, DOS_TIME);
    int16(out, DOS_DATE);
    int32(out, e.crc());
    int32(out, e.compressedSize());
    int32(out, e.size());
    int16(out, nameLength);
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static long crc(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return crc.getValue();
  }

  private static void int16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >>> 8) & 0xFF);
  }

  private static void int32(ByteArrayOutputStream out, long v) {
    for (int shift = 0; shift < 32; shift += 8) {
      out.write((int) (v >>> shift) & 0xFF);
    }
  }
}
