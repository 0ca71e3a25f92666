package org.jobdash.ai.analysis;

import java.util.ArrayList;
import java.util.List;

/** Splits texts for embedding: into chunks of whole paragraphs of about a given size, or into short segments. */
public final class Chunks {

  private Chunks() {}

  /** Paragraph-aligned chunks of at most about {@code maxWords} words (a longer paragraph is cut by words). */
  public static List<String> of(String text, int maxWords) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int words = 0;
    for (String paragraph : text.split("\\R\\s*\\R")) {
      String[] w = paragraph.strip().split("\\s+");
      if (paragraph.isBlank()) {
        continue;
      }
      if (words > 0 && words + w.length > maxWords) {
        chunks.add(current.toString().strip());
        current.setLength(0);
        words = 0;
      }
      for (int i = 0; i < w.length; i++) {
        if (words == maxWords) {
          chunks.add(current.toString().strip());
          current.setLength(0);
          words = 0;
        }
        current.append(i == 0 && current.length() > 0 ? "\n\n" : " ").append(w[i]);
        words++;
      }
    }
    if (words > 0) {
      chunks.add(current.toString().strip());
    }
    return chunks;
  }

  /** Lines of at least three words, at most {@code max} of them, each cut to 300 characters. */
  public static List<String> segments(String text, int max) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R|(?<=[.;])\\s+")) {
      String s = line.strip().replaceFirst("^[-•*·▪◦‣–]\\s*", "");
      if (s.split("\\s+").length >= 3 && !out.contains(s)) {
        out.add(s.length() > 300 ? s.substring(0, 300) : s);
        if (out.size() == max) {
          break;
        }
      }
    }
    return out;
  }
}
