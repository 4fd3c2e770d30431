package org.scimsync.testing.servers;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that run a real server program (a forward proxy, a directory server) call {@link #require}
 * first: when the program is missing, a developer's run skips the test with the reason printed, but
 * a CI run ({@code CI=true}) fails it, so that CI never passes by skipping.
 */
public final class RealServer {

  private RealServer() {}

  /**
   * The program, or a skipped (locally) or failed (CI) test.
   *
   * @param path where the program must be, such as {@code /usr/sbin/squid}
   * @param name the program's name, and its Debian package
   * @return the program's path
   */
  public static Path require(String path, String name) {
    return require(path, name, System.getenv());
  }

  /**
   * As {@link #require(String, String)}, with the environment given.
   *
   * @param path where the program must be
   * @param name the program's name, and its Debian package
   * @param env the environment that says whether this is CI
   * @return the program's path
   */
  public static Path require(String path, String name, Map<String, String> env) {
    Path program = Path.of(path);
    if (Files.isRegularFile(program) && Files.isExecutable(program)) {
      return program;
    }
    String reason =
        name + " is not installed at " + path + " (Debian: apt-get install -y " + name + ")";
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", "").strip())) {
      fail(reason + "; CI=true: a real-server test must run, not skip");
    }
    System.out.println("SKIPPED: " + reason);
    Assumptions.abort(reason);
    throw new IllegalStateException("unreachable");
  }
}
