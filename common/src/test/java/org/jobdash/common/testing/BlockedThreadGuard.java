package org.jobdash.common.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fails a test class when Vert.x logged a blocked-thread warning while it ran. It is a logback appender (named
 * in {@code logback-test.xml}) and a JUnit extension ({@code @ExtendWith(BlockedThreadGuard.class)}).
 */
public final class BlockedThreadGuard extends AppenderBase<ILoggingEvent> implements AfterAllCallback {

  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    if (message != null && (message.contains("has been blocked for") || message.contains("Thread blocked"))) {
      WARNINGS.add(event.getThreadName() + ": " + message.lines().findFirst().orElse(message));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!WARNINGS.isEmpty()) {
      List<String> seen = List.copyOf(WARNINGS);
      WARNINGS.clear();
      throw new AssertionError("Vert.x reported blocked threads during " + context.getDisplayName() + ": " + seen);
    }
  }
}
