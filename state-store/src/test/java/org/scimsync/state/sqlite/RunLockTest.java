package org.scimsync.state.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.state.sql.RunLockHolder;

/** The SQLite run lock's own details; the contract is in {@code RunLockContract}. */
class RunLockTest {

  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRefusedAttemptInThisProcessDoesNotReleaseTheHeldLock() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file);
        SqliteStateStore sameFile = SqliteStateStore.open(file);
        RunLock held = store.lock()) {
      assertThatThrownBy(sameFile::lock).isInstanceOf(StateLockedException.class);

      Child child = start(file);
      assertThat(child.nextLine())
          .startsWith("BUSY ")
          .contains(file.toString())
          .contains("pid " + ProcessHandle.current().pid());
      assertThat(held).isNotNull();
    }
  }

  @Test
  void anInMemoryStoreLocksItsOwnRuns() {
    try (SqliteStateStore store = SqliteStateStore.openInMemory()) {
      RunLock lock = store.lock();
      assertThatThrownBy(store::lock).isInstanceOf(StateLockedException.class);
      RunLock slack = store.forTarget("slack").lock();
      assertThatThrownBy(() -> store.forTarget("slack").lock())
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("target slack");
      lock.close();
      store.lock().close();
      slack.close();
      store.forTarget("slack").lock().close();
    }
  }

  /**
   * The default target keeps the lock file of versions before targets had names, so that an older
   * and a newer process on one file still exclude each other; other targets have their own.
   */
  @Test
  void eachTargetLocksAnOwnerOnlyFileOfItsOwnBesideTheStateFile() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteStateStore store = SqliteStateStore.open(file);
        RunLock defaults = store.lock();
        RunLock slack = store.forTarget("slack").lock()) {
      Path real = file.toRealPath();
      Path defaultLock = real.resolveSibling("state.db.lock");
      Path slackLock = real.resolveSibling("state.db.slack.lock");
      assertThat(Files.readString(defaultLock))
          .startsWith("held by pid " + ProcessHandle.current().pid());
      assertThat(Files.readString(slackLock))
          .startsWith("held by pid " + ProcessHandle.current().pid());
      assertThat(Files.getPosixFilePermissions(slackLock))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(defaults).hasToString("FileRunLock[" + defaultLock + "]");
      assertThat(slack).hasToString("FileRunLock[" + slackLock + "]");
    }
  }

  private Child start(Path file) throws IOException {
    SqliteStateStore.open(file).close();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                RunLockHolder.class.getName(),
                "sqlite",
                file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    children.add(process);
    return new Child(process);
  }

  /** A child process and the lines it printed, read by a thread of their own. */
  private static final class Child {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Child(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("READ FAILED " + e);
                }
              },
              "child-output-" + process.pid());
      reader.setDaemon(true);
      reader.start();
    }

    String nextLine() throws InterruptedException {
      String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(line)
          .as("a line from child %s within %ss", process.pid(), TIMEOUT_SECONDS)
          .isNotNull();
      return line;
    }

    void say(String line) {
      try {
        Writer in =
            new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write(line + "\n");
        in.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
