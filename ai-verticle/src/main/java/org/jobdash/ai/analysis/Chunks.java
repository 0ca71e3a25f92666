package org.jobdash.ai.analysis;

import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits texts for embedding: into chunks of whole paragraphs of about a given size, or into short segments. Both
 * walk the text once (plain code, no patterns) and check the deadline as they go: call them on a worker thread.
 */
public final class Chunks {

  private Chunks() {}

  /** Paragraph-aligned chunks of at most about {@code maxWords} words (a longer paragraph is cut by words). */
  public static List<String> of(String text, int maxWords, Deadline deadline) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int words = 0;
    for (String paragraph : Lines.paragraphs(text)) {
      deadline.check();
      if (paragraph.isBlank()) {
        continue;
      }
      List<String> w = Words.split(paragraph.strip());
      if (words > 0 && words + w.size() > maxWords) {
        chunks.add(current.toString().strip());
        current.setLength(0);
        words = 0;
      }
      for (int i = 0; i < w.size(); i++) {
        if (words == maxWords) {
          chunks.add(current.toString().strip());
          current.setLength(0);
          words = 0;
        }
        current.append(i == 0 && current.length() > 0 ? "\n\n" : " ").append(w.get(i));
        words++;
      }
    }
    if (words > 0) {
      chunks.add(current.toString().strip());
    }
    return chunks;
  }

  /** Lines and sentences of at least three words, at most {@code max} of them, each cut to 300 characters. */
  public static List<String> segments(String text, int max, Deadline deadline) {
    List<String> out = new ArrayList<>();
    for (String line : Lines.sentences(text, ".;")) {
      deadline.check();
      String s = line.strip();
      int marker = Lines.markerEnd(s, 0, false);
      if (marker >= 0) {
        s = s.substring(Words.skipSpaces(s, marker));
      }
      if (Words.count(s) >= 3 && !out.contains(s)) {
        out.add(s.length() > 300 ? s.substring(0, 300) : s);
        if (out.size() == max) {
          break;
        }
      }
    }
    return out;
  }
}
