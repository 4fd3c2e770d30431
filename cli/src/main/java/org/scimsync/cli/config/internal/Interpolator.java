package org.scimsync.cli.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} by the environment variable NAME and {@code ${file:PATH}} by the trimmed
 * content of the file PATH (relative to the configuration's directory); {@code $${} writes a
 * literal {@code ${}.
 */
public final class Interpolator {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final Map<String, String> environment;
  private final Path baseDirectory;

  public Interpolator(Map<String, String> environment, Path baseDirectory) {
    this.environment = Map.copyOf(environment);
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
  }

  /**
   * The text with every reference replaced.
   *
   * @throws IllegalArgumentException naming the unset variable or unreadable file
   */
  public String interpolate(String text) {
    if (!text.contains("${")) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      result.append(text, last, matcher.start());
      last = matcher.end();
      if (matcher.group(1) == null) {
        result.append("${");
      } else {
        result.append(resolve(matcher.group(1).trim()));
      }
    }
    String rest = text.substring(last);
    if (rest.contains("${")) {
      throw new IllegalArgumentException("unterminated '${' (write $${ for a literal ${)");
    }
    return result.append(rest).toString();
  }

  private String resolve(String reference) {
    if (reference.startsWith("file:")) {
      return readFile(reference.substring("file:".length()).trim());
    }
    if (!NAME.matcher(reference).matches()) {
      throw new IllegalArgumentException(
          "'${"
              + reference
              + "}' is not a variable reference: use ${NAME} or ${file:PATH} "
              + "(write $${ for a literal ${)");
    }
    String value = environment.get(reference);
    if (value == null) {
      throw new IllegalArgumentException("environment variable " + reference + " is not set");
    }
    return value;
  }

  private String readFile(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("${file:} needs a path");
    }
    Path file = baseDirectory.resolve(name).normalize();
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("file " + file + " is larger than 1 MiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
