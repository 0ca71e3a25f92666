package org.jobdash.resume;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Hostile documents for the upload limits, built in memory in milliseconds: deflate streams of gigabytes of zeros
 * (one flushed deflate block of a MiB of zeros, repeated), PDFs around them, ZIPs whose directory tells the truth
 * or lies, a DOCX with a billion-laughs DTD, a PDF of many pages.
 */
final class Bombs {

  static final int MIB = 1 << 20;

  private Bombs() {}

  /** A zlib stream (RFC 1950, with a correct Adler-32) that inflates to {@code mib} MiB of zeros. */
  static byte[] zlibZeros(long mib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x78);
    out.write(0xDA);
    writeDeflatedZeros(out, mib);
    // Adler-32 of n zero bytes: a stays 1, b adds 1 per byte
    long b = (mib * MIB) % 65521;
    long adler = (b << 16) | 1;
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (adler >>> shift) & 0xFF);
    }
    return out.toByteArray();
  }

  /** Raw deflate data (RFC 1951, as in a ZIP entry) that inflates to {@code mib} MiB of zeros. */
  static byte[] deflatedZeros(long mib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeDeflatedZeros(out, mib);
    return out.toByteArray();
  }

  private static void writeDeflatedZeros(ByteArrayOutputStream out, long mib) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(new byte[MIB]);
    // a full flush resets the compressor, so every further MiB of zeros deflates to the very same bytes
    byte[] block = drain(deflater, Deflater.FULL_FLUSH);
    for (long i = 0; i < mib; i++) {
      out.writeBytes(block);
    }
    deflater.finish();
    out.writeBytes(drain(deflater, Deflater.NO_FLUSH));
    deflater.end();
  }

  private static byte[] drain(Deflater deflater, int flush) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, flush)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The CRC-32 of {@code mib} MiB of zeros. */
  static long crcOfZeros(long mib) {
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[MIB];
    for (long i = 0; i < mib; i++) {
      crc.update(zeros);
    }
    return crc.getValue();
  }

  /** A one-page PDF whose page content is a FlateDecode stream that inflates to {@code mib} MiB. */
  static byte[] flatePdf(long mib) {
    byte[] content = zlibZeros(mib);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    ascii(pdf, "%PDF-1.7\n");
    offsets.add(pdf.size());
    ascii(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    offsets.add(pdf.size());
    ascii(pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    offsets.add(pdf.size());
    ascii(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n");
    offsets.add(pdf.size());
    ascii(pdf, "4 0 obj\n<< /Length " + content.length + " /Filter /FlateDecode >>\nstream\n");
    pdf.writeBytes(content);
    ascii(pdf, "\nendstream\nendobj\n");
    int xref = pdf.size();
    ascii(pdf, "xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
    for (int offset : offsets) {
      ascii(pdf, String.format("%010d 00000 n \n", offset));
    }
    ascii(pdf, "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  /** A PDF of {@code pages} empty pages, saved by PDFBox (object streams keep it small). */
  static byte[] manyPagesPdf(int pages) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document.xml whose DTD expands one entity to 10^9 "lol"s (3 GB) if a parser lets it. */
  static byte[] billionLaughsXml() {
    StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!DOCTYPE w:document [" + dtd + "]>\n"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
        + "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One entry of a hand-written ZIP.
   *
   * @param deflated     its data as raw deflate
   * @param size         how many bytes it really inflates to
   * @param crc          the CRC-32 of those bytes
   * @param declaredSize the size the local header, the data descriptor and the central directory give
   */
  record Part(String name, byte[] deflated, long size, long crc, long declaredSize) {

    static Part of(String name, byte[] data) {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      deflater.setInput(data);
      deflater.finish();
      byte[] deflated = drain(deflater, Deflater.NO_FLUSH);
      deflater.end();
      CRC32 crc = new CRC32();
      crc.update(data);
      return new Part(name, deflated, data.length, crc.getValue(), data.length);
    }

    /** {@code mib} MiB of zeros, declared as they are. */
    static Part zeros(String name, long mib) {
      return new Part(name, deflatedZeros(mib), mib * MIB, crcOfZeros(mib), mib * MIB);
    }

    Part declaring(long size) {
      return new Part(name, deflated, this.size, crc, size);
    }
  }

  /** The parts of a real DOCX, in order. */
  static Map<String, byte[]> partsOf(byte[] docx) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        parts.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  /** A real DOCX with {@code replaced} parts swapped in (by name) and {@code extra} parts added. */
  static byte[] docx(byte[] real, List<Part> replaced, List<Part> extra) {
    Map<String, byte[]> realParts = partsOf(real);
    replaced.forEach(p -> {
      if (!realParts.containsKey(p.name())) {
        throw new IllegalArgumentException("the document has no part " + p.name() + " to replace");
      }
    });
    List<Part> parts = new ArrayList<>();
    realParts.forEach((name, data) -> parts.add(replaced.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseGet(() -> Part.of(name, data))));
    parts.addAll(extra);
    return zip(parts);
  }

  /**
   * A ZIP written by hand, so that it can lie: each entry deflated with a data descriptor (flag bit 3, sizes 0 in
   * the local header, as streaming writers do), the descriptor and the central directory giving the declared size.
   */
  static byte[] zip(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream directory = new ByteArrayOutputStream();
    for (Part p : parts) {
      byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
      int offset = out.size();
      int32(out, 0x04034b50);
      int16(out, 20);
      int16(out, 0x0808);
      int16(out, 8);
      int32(out, 0);
      int32(out, 0);
      int32(out, 0);
      int32(out, 0);
      int16(out, name.length);
      int16(out, 0);
      out.writeBytes(name);
      out.writeBytes(p.deflated());
      int32(out, 0x08074b50);
      int32(out, (int) p.crc());
      int32(out, p.deflated().length);
      int32(out, (int) p.declaredSize());

      int32(directory, 0x02014b50);
      int16(directory, 20);
      int16(directory, 20);
      int16(directory, 0x0808);
      int16(directory, 8);
      int32(directory, 0);
      int32(directory, (int) p.crc());
      int32(directory, p.deflated().length);
      int32(directory, (int) p.declaredSize());
      int16(directory, name.length);
      int16(directory, 0);
      int16(directory, 0);
      int16(directory, 0);
      int16(directory, 0);
      int32(directory, 0);
      int32(directory, offset);
      directory.writeBytes(name);
    }
    int directoryOffset = out.size();
    out.writeBytes(directory.toByteArray());
    int32(out, 0x06054b50);
    int16(out, 0);
    int16(out, 0);
    int16(out, parts.size());
    int16(out, parts.size());
    int32(out, directory.size());
    int32(out, directoryOffset);
    int16(out, 0);
    return out.toByteArray();
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void int16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >>> 8) & 0xFF);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    int16(out, v & 0xFFFF);
    int16(out, (v >>> 16) & 0xFFFF);
  }
}
