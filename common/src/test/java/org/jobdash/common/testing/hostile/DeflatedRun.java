package org.jobdash.common.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A deflate stream of {@code prefix + count × fill + suffix} built in bounded memory, whatever {@code count} is:
 * one block of fill bytes is compressed once, ending byte-aligned and referring to nothing before it, and the
 * compressed block is repeated. Gigabytes of inflated data cost about a thousandth of their size and a second.
 *
 * @param compressed   raw deflate ({@link #raw}) or a zlib stream with its Adler-32 ({@link #zlib})
 * @param inflatedSize how many bytes inflating it gives
 * @param crc32        the CRC-32 of the inflated bytes (what a ZIP entry declares)
 */
public record DeflatedRun(byte[] compressed, long inflatedSize, long crc32) {

  private static final int BLOCK = 1 << 20;
  private static final long ADLER_MOD = 65_521;

  public static DeflatedRun raw(byte[] prefix, byte fill, long count, byte[] suffix) {
    return build(prefix, fill, count, suffix, false);
  }

  /** The same as a zlib stream (RFC 1950), as PDF's {@code /FlateDecode} expects. */
  public static DeflatedRun zlib(byte[] prefix, byte fill, long count, byte[] suffix) {
    return build(prefix, fill, count, suffix, true);
  }

  private static DeflatedRun build(byte[] prefix, byte fill, long count, byte[] suffix, boolean zlib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (zlib) {
      out.write(0x78);
      out.write(0xDA);
    }
    out.writeBytes(segment(prefix, false));
    byte[] block = new byte[(int) Math.min(BLOCK, Math.max(count, 1))];
    Arrays.fill(block, fill);
    byte[] compressedBlock = segment(block, false);
    long whole = count / block.length;
    for (long i = 0; i < whole; i++) {
      out.writeBytes(compressedBlock);
    }
    int rest = (int) (count % block.length);
    if (rest > 0) {
      out.writeBytes(segment(Arrays.copyOf(block, rest), false));
    }
    out.writeBytes(segment(suffix, true));
    if (zlib) {
      long adler = adler(prefix, fill, count, suffix);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((int) (adler >>> shift) & 0xFF);
      }
    }
    return new DeflatedRun(out.toByteArray(), prefix.length + count + suffix.length,
        crc(prefix, block, count, suffix));
  }

  /** Compresses {@code data} alone; all but the last segment end with a sync flush and no final-block bit. */
  private static byte[] segment(byte[] data, boolean last) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          out.write(buffer, 0, n);
        } while (n == buffer.length);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static long crc(byte[] prefix, byte[] block, long count, byte[] suffix) {
    CRC32 crc = new CRC32();
    crc.update(prefix);
    for (long left = count; left > 0; left -= block.length) {
      crc.update(block, 0, (int) Math.min(block.length, left));
    }
    crc.update(suffix);
    return crc.getValue();
  }

  /** Adler-32 computed arithmetically over the run: s1 grows by {@code fill} per byte, s2 by each new s1. */
  private static long adler(byte[] prefix, byte fill, long count, byte[] suffix) {
    long[] s = {1, 0};
    update(s, prefix);
    BigInteger n = BigInteger.valueOf(count);
    BigInteger f = BigInteger.valueOf(fill & 0xFF);
    BigInteger mod = BigInteger.valueOf(ADLER_MOD);
    BigInteger s1 = BigInteger.valueOf(s[0]);
    BigInteger s2 = BigInteger.valueOf(s[1]).add(n.multiply(s1))
        .add(f.multiply(n).multiply(n.add(BigInteger.ONE)).shiftRight(1));
    s[0] = s1.add(n.multiply(f)).mod(mod).longValue();
    s[1] = s2.mod(mod).longValue();
    update(s, suffix);
    return (s[1] << 16) | s[0];
  }

  private static void update(long[] s, byte[] bytes) {
    for (byte b : bytes) {
      s[0] = (s[0] + (b & 0xFF)) % ADLER_MOD;
      s[1] = (s[1] + s[0]) % ADLER_MOD;
    }
  }
}
