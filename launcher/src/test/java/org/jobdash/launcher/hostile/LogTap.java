package org.jobdash.launcher.hostile;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the warnings and errors logged while the campaign runs, each with the moment it was logged, so that a
 * failure can be shown with what the service logged meanwhile and a blocked-thread warning with where the thread
 * was held.
 */
final class LogTap extends AppenderBase<ILoggingEvent> {

  /** A logged warning or error: its first line, and its exception's innermost cause with our first frame. */
  record Entry(long nanos, String level, String thread, String logger, String message, String cause) {
    boolean blockedThread() {
      return message.contains("has been blocked for") || message.contains("Thread blocked");
    }

    @Override
    public String toString() {
      return level + " [" + thread + "] " + logger + " - " + message + (cause == null ? "" : " | " + cause);
    }
  }

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  static LogTap attach() {
    LogTap tap = new LogTap();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    tap.setContext(root.getLoggerContext());
    tap.setName("hostile-campaign");
    tap.start();
    root.addAppender(tap);
    return tap;
  }

  void detach() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
    stop();
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The first error logged by our code or Vert.x between the two instants, or null. */
  Entry errorBetween(long fromNanos, long toNanos) {
    for (Entry e : entries) {
      if (e.nanos() >= fromNanos && e.nanos() <= toNanos && !e.blockedThread()
          && (e.logger().startsWith("org.jobdash") || e.logger().startsWith("io.vertx"))) {
        return e;
      }
    }
    return null;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
      return;
    }
    String message = event.getFormattedMessage() == null ? "" : event.getFormattedMessage();
    entries.add(new Entry(System.nanoTime(), event.getLevel().toString(), event.getThreadName(),
        event.getLoggerName(), message.lines().findFirst().orElse(""), cause(event.getThrowableProxy())));
  }

  private static String cause(IThrowableProxy thrown) {
    if (thrown == null) {
      return null;
    }
    IThrowableProxy inner = thrown;
    while (inner.getCause() != null && inner.getCause() != inner) {
      inner = inner.getCause();
    }
    String where = firstOfOurs(inner);
    if (where == null) {
      where = firstOfOurs(thrown);
    }
    StackTraceElementProxy[] frames = inner.getStackTraceElementProxyArray();
    String top = frames.length == 0 ? "" : frames[0].getStackTraceElement().toString();
    return inner.getClassName() + ": " + inner.getMessage() + " at " + (where != null ? where : top)
        + (where != null && !top.isEmpty() && !top.equals(where) ? " (top " + top + ")" : "");
  }

  private static String firstOfOurs(IThrowableProxy thrown) {
    for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
      if (frame.getStackTraceElement().getClassName().startsWith("org.jobdash")) {
        return frame.getStackTraceElement().toString();
      }
    }
    return null;
  }
}
