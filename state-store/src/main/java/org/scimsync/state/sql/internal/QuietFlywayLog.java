package org.scimsync.state.sql.internal;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's messages through SLF4J, one level lower: a state store is opened by every command, and
 * Flyway's banner and "schema is up to date" lines are noise at INFO. Warnings and errors stay
 * warnings and errors. Flyway instantiates this class by name (its {@code loggers} setting).
 */
public final class QuietFlywayLog implements LogCreator {

  /** Instantiated by Flyway. */
  public QuietFlywayLog() {}

  @Override
  public Log createLogger(Class<?> type) {
    return new Slf4jDebugLog(LoggerFactory.getLogger(type));
  }

  private record Slf4jDebugLog(Logger logger) implements Log {

    @Override
    public boolean isDebugEnabled() {
      return logger.isTraceEnabled();
    }

    @Override
    public void debug(String message) {
      logger.trace(message);
    }

    @Override
    public void info(String message) {
      logger.debug(message);
    }

    @Override
    public void warn(String message) {
      logger.warn(message);
    }

    @Override
    public void error(String message) {
      logger.error(message);
    }

    @Override
    public void error(String message, Exception e) {
      logger.error(message, e);
    }

    @Override
    public void notice(String message) {
      logger.debug(message);
    }
  }
}
