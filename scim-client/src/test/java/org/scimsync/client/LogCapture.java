package org.scimsync.client;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event of the test JVM in memory, so tests can search them for secrets. */
final class LogCapture {

  private static final ListAppender<ILoggingEvent> APPENDER = start();

  private LogCapture() {}

  private static ListAppender<ILoggingEvent> start() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    return appender;
  }

  /** Makes sure capturing has started. */
  static void install() {
    APPENDER.isStarted();
  }

  /** Every captured line: formatted message plus stack trace, if any. */
  static List<String> lines() {
    synchronized (APPENDER) {
      return APPENDER.list.stream()
          .map(
              event ->
                  event.getLoggerName()
                      + " "
                      + event.getFormattedMessage()
                      + (event.getThrowableProxy() == null
                          ? ""
                          : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())))
          .toList();
    }
  }
}
