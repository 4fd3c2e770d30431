package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Locates and reads the files under the repository's {@code deploy/} directory. */
final class DeployFiles {

  private DeployFiles() {}

  /** The {@code deploy/} directory, found from the module directory the tests run in. */
  static Path root() {
    Path module = Path.of("").toAbsolutePath();
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      Path deploy = dir.resolve("deploy");
      if (Files.isDirectory(deploy.resolve("systemd"))) {
        return deploy;
      }
    }
    throw new AssertionError("no deploy/ directory above " + module);
  }

  static Path file(String relative) {
    Path file = root().resolve(relative);
    assertThat(file).as("deploy/" + relative).isRegularFile();
    return file;
  }

  static String read(String relative) {
    try {
      return Files.readString(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A systemd unit file as section name to key to values (a key may repeat: LoadCredential=).
   * Comments and blank lines are skipped; a line outside a section or without '=' fails.
   */
  static Map<String, Map<String, List<String>>> unit(String relative) {
    return parseUnit(relative, read(relative));
  }

  /** Parses unit file text; {@code relative} names it in error messages. */
  static Map<String, Map<String, List<String>>> parseUnit(String relative, String content) {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    Map<String, List<String>> current = null;
    int number = 0;
    for (String line : content.split("\n", -1)) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
        continue;
      }
      if (text.startsWith("[") && text.endsWith("]")) {
        current = new LinkedHashMap<>();
        sections.put(text.substring(1, text.length() - 1), current);
        continue;
      }
      int equals = text.indexOf('=');
      if (current == null || equals <= 0) {
        throw new AssertionError(relative + ":" + number + ": not a key=value in a section");
      }
      current
          .computeIfAbsent(text.substring(0, equals).strip(), k -> new ArrayList<>())
          .add(text.substring(equals + 1).strip());
    }
    return sections;
  }
}
