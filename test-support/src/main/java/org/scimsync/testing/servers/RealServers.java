package org.scimsync.testing.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * Where a test finds a real server's program (slapd, Samba, squid, Keycloak, PostgreSQL, Chromium).
 * A missing program skips the test with the reason on the console, except under {@code CI=true},
 * where the README's test command has installed everything and a missing program fails the run: CI
 * must run these tests, not skip them.
 */
public final class RealServers {

  private RealServers() {}

  /**
   * The program at {@code executable}.
   *
   * @param name what the program is, for the message ("OpenLDAP slapd")
   * @param installHint how to get it ("apt-get install -y slapd"; the test command does it)
   * @throws TestAbortedException (a skip) when the program is missing outside CI
   * @throws AssertionError when it is missing under {@code CI=true}
   */
  public static Path require(Path executable, String name, String installHint) {
    if (Files.isExecutable(executable)) {
      return executable;
    }
    String reason =
        name
            + " is not installed ("
            + executable
            + " is missing): "
            + installHint
            + ", or run the README's test command, which installs it";
    if (onCi()) {
      throw new AssertionError("CI=true and " + reason);
    }
    System.err.println("SKIPPED: " + reason);
    throw new TestAbortedException(reason);
  }

  /** True when the environment says this is a CI run ({@code CI=true}). */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
