package org.scimsync.cli.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;

/**
 * The configuration file is invalid: broken YAML, an unknown key, a wrong type or value, an unset
 * variable or a missing file. The message names the file, the line and the key; it never contains a
 * secret. Always exit code 2.
 */
public final class ConfigException extends CliException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final @Nullable String key;
  private final int line;
  private final String problem;

  /**
   * @param file the configuration file
   * @param key the dotted key path ({@code target.rateLimit.readsPerSecond}), null for the file
   * @param line the 1-based line, 0 when unknown
   * @param problem what is wrong
   */
  public ConfigException(Path file, @Nullable String key, int line, String problem) {
    this(file, key, line, problem, null);
  }

  public ConfigException(
      Path file, @Nullable String key, int line, String problem, @Nullable Throwable cause) {
    super(ExitCode.INVALID, format(file.toString(), key, line, problem), cause);
    this.file = file.toString();
    this.key = key;
    this.line = line;
    this.problem = problem;
  }

  private static String format(String file, @Nullable String key, int line, String problem) {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (key != null && !key.isEmpty()) {
      text.append(key).append(": ");
    }
    return text.append(problem).toString();
  }

  /** The configuration file. */
  public String file() {
    return file;
  }

  /** The dotted key path, or null when the problem concerns the whole file. */
  public @Nullable String key() {
    return key;
  }

  /** The 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** What is wrong, without file, line and key. */
  public String problem() {
    return problem;
  }
}
