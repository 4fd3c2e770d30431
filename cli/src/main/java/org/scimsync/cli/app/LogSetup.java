package org.scimsync.cli.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for one invocation: log lines go to stderr so that stdout carries only results
 * (and stays parseable with {@code --output json}); text or JSON lines; more detail with {@code
 * --verbose}.
 */
public final class LogSetup {

  private LogSetup() {}

  /**
   * Replaces the logging configuration.
   *
   * @param verbose DEBUG for scim-sync and INFO for libraries, instead of INFO and WARN
   * @param json one JSON object per line instead of text
   */
  public static void configure(boolean verbose, boolean json) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: leave its configuration alone
    }
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if (json) {
      JsonEncoder jsonEncoder = new JsonEncoder();
      jsonEncoder.setWithSequenceNumber(false);
      jsonEncoder.setWithNanoseconds(false);
      jsonEncoder.setWithContext(false);
      encoder = jsonEncoder;
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setPattern(
          verbose
              ? "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %msg%n"
              : "%d{HH:mm:ss} %-5level %msg%n");
      encoder = pattern;
    }
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("stderr");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(verbose ? Level.INFO : Level.WARN);
    context.getLogger("org.scimsync").setLevel(verbose ? Level.DEBUG : Level.INFO);
  }
}
