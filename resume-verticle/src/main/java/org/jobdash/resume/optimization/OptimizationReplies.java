package org.jobdash.resume.optimization;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.resume.StorableText;
import org.jobdash.resume.version.SectionChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The bookkeeping rules of an optimisation, apart from its transactions: which replies of the AI service are
 * accepted, how its change list becomes version changes, what a failed row records, when an open row is stale.
 */
final class OptimizationReplies {

  private static final Set<String> CHANGE_TYPES = Set.of(SectionChange.ADDED, SectionChange.REMOVED,
      SectionChange.MODIFIED);
  /** {@code resume_version_changes.section} holds 100 characters. */
  static final int MAX_SECTION = 100;
  static final int MAX_REASON = 2000;
  /** A row left open is failed by the sweep after twice the AI's timeout, and never sooner than this. */
  static final long MIN_STALE_SECONDS = 60;

  private OptimizationReplies() {}

  /**
   * The reply to request {@code id}, if it keeps the contract: the same request id, some content within
   * {@code maxContentChars}, scores from 0 to 100. Anything else fails with the reason the row will record.
   */
  static OptimizationResult accepted(UUID id, JsonObject reply, int maxContentChars) {
    OptimizationResult result;
    try {
      result = OptimizationResult.fromJson(reply);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the AI service's reply is malformed: " + e.getMessage());
    }
    if (!id.equals(result.requestId())) {
      throw new IllegalArgumentException("the AI service answered request " + result.requestId() + " instead");
    }
    if (result.optimizedContent() == null || result.optimizedContent().isBlank()) {
      throw new IllegalArgumentException("the AI service returned no content");
    }
    if (result.optimizedContent().length() > maxContentChars) {
      throw new IllegalArgumentException("the AI service returned more text than a résumé may have");
    }
    if (!isScore(result.scoreBefore()) || !isScore(result.scoreAfter())) {
      throw new IllegalArgumentException("the AI service returned scores outside 0-100");
    }
    return result;
  }

  private static boolean isScore(double s) {
    return s >= 0 && s <= 100;
  }

  /**
   * The AI service's change list as version changes: items that are no objects are skipped, a missing or blank
   * section is {@code content}, a long one is cut to {@link #MAX_SECTION}, an unknown change type is a
   * modification, and values that are no text are absent.
   */
  static List<SectionChange> versionChanges(JsonArray changes) {
    List<SectionChange> out = new ArrayList<>();
    for (Object item : changes == null ? new JsonArray() : changes) {
      if (!(item instanceof JsonObject c)) {
        continue;
      }
      String section = c.getValue("section") instanceof String s && !s.isBlank() ? s.strip() : "content";
      String type = c.getValue("changeType") instanceof String t && CHANGE_TYPES.contains(t) ? t : SectionChange.MODIFIED;
      out.add(new SectionChange(section.length() > MAX_SECTION ? section.substring(0, MAX_SECTION) : section, type,
          c.getValue("oldValue") instanceof String o ? o : null, c.getValue("newValue") instanceof String n ? n : null));
    }
    return out;
  }

  /** Whether the content and every listed change can be kept in PostgreSQL text (walks them: run on a worker). */
  static boolean storable(String content, List<SectionChange> listed) {
    return storable(content) && listed.stream().allMatch(c -> storable(c.section()) && storable(c.oldValue())
        && storable(c.newValue()));
  }

  private static boolean storable(String text) {
    return text == null || StorableText.problem(text) == null;
  }

  /** What a failed row records as its {@code error_message}: the failure's message, at most {@link #MAX_REASON}. */
  static String reason(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) : message;
  }

  /** How long a row may stay open before the sweep fails it, for an AI timeout of {@code timeoutMs}. */
  static long staleAfterSeconds(long timeoutMs) {
    return Math.max(MIN_STALE_SECONDS, 2 * timeoutMs / 1000);
  }
}
