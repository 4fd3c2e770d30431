package org.scimsync.state.sql;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.scimsync.common.Secret;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.state.postgres.PostgresStateStore;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * A separate process for the lock tests: opens the store given as arguments ({@code sqlite FILE} or
 * {@code postgresql URL USER}, the password in the environment variable {@value #PASSWORD}), takes
 * the run lock of the target named by the system property {@value #TARGET} (default: {@code
 * default}), prints {@code LOCKED} (or {@code BUSY <message>}), holds it until a line arrives on
 * standard input, then releases it and prints {@code RELEASED}.
 */
public final class RunLockHolder {

  /** The environment variable holding the PostgreSQL password. */
  public static final String PASSWORD = "SCIM_SYNC_TEST_STATE_PASSWORD";

  /** The system property naming the target whose lock the process takes. */
  public static final String TARGET = "scimsync.test.target";

  private RunLockHolder() {}

  public static void main(String[] args) throws Exception {
    try (SqlStateStore opened = open(args)) {
      StateStore store = opened.forTarget(System.getProperty(TARGET, TargetNames.DEFAULT));
      RunLock lock;
      try {
        lock = store.lock();
      } catch (StateLockedException e) {
        System.out.println("BUSY " + e.getMessage());
        return;
      }
      System.out.println("LOCKED");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      lock.close();
      System.out.println("RELEASED");
    }
  }

  private static SqlStateStore open(String[] args) {
    if ("sqlite".equals(args[0])) {
      return SqliteStateStore.open(Path.of(args[1]));
    }
    String password = System.getenv(PASSWORD);
    return PostgresStateStore.open(
        new PostgresConnection(args[1], args[2], password == null ? null : Secret.of(password)));
  }
}
