package org.jobdash.ai.analysis;

import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.Words;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits texts for embedding into chunks of whole paragraphs of about a given size, walking the text once (plain
 * code, no patterns) and checking the deadline as it goes: call it on a worker thread.
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
}
