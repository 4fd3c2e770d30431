package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.engine.testing.Eventually;

/**
 * The one-run-at-a-time lock: refused while another run holds it, in this process or another, and
 * free again when the holder releases it or dies.
 */
public interface RunLockContract extends StateStoreFixture {

  long CHILD_TIMEOUT_SECONDS = 60;

  /** The variables the lock-holding child process needs (a password). */
  default Map<String, String> lockHolderEnvironment() {
    return Map.of();
  }

  @Test
  default void aSecondLockIsRefusedUntilTheFirstIsReleased() {
    try (SqlStateStore other = reopen()) {
      RunLock lock = store().lock();

      assertThatThrownBy(store()::lock).isInstanceOf(StateLockedException.class);
      assertThatThrownBy(other::lock)
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining(location());

      lock.close();
      lock.close();
      other.lock().close();
      store().lock().close();
    }
  }

  @Test
  default void twoTargetsHoldTheirLocksAtOnceAndEachOnlyOnce() {
    try (SqlStateStore other = reopen();
        RunLock defaults = store().lock();
        RunLock slack = store().forTarget("slack").lock()) {
      assertThat(slack).isNotNull();
      assertThatThrownBy(other::lock).isInstanceOf(StateLockedException.class);
      assertThatThrownBy(() -> other.forTarget("slack").lock())
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("slack");
      assertThatThrownBy(() -> store().forTarget("slack").lock())
          .isInstanceOf(StateLockedException.class);

      defaults.close();
      assertThatThrownBy(() -> other.forTarget("slack").lock())
          .isInstanceOf(StateLockedException.class);
      other.lock().close();
      other.forTarget("github").lock().close();
    }
  }

  @Test
  default void anotherProcessHoldingOneTargetsLockLeavesTheOthersFree() throws Exception {
    store();
    try (Child child = Child.start(this, "slack")) {
      assertThat(child.nextLine()).isEqualTo("LOCKED");

      assertThatThrownBy(() -> store().forTarget("slack").lock())
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining("another run")
          .hasMessageContaining("pid " + child.process.pid());
      store().lock().close();
      store().forTarget("github").lock().close();

      child.say("release");
      assertThat(child.nextLine()).isEqualTo("RELEASED");
      store().forTarget("slack").lock().close();
    }
  }

  @Test
  default void aLockHeldByAnotherProcessIsRefusedUntilItIsReleased() throws Exception {
    store();
    try (Child child = Child.start(this)) {
      assertThat(child.nextLine()).isEqualTo("LOCKED");

      assertThatThrownBy(store()::lock)
          .isInstanceOf(StateLockedException.class)
          .hasMessageContaining(location())
          .hasMessageContaining("another run")
          .hasMessageContaining("pid " + child.process.pid());

      child.say("release");
      assertThat(child.nextLine()).isEqualTo("RELEASED");

      store().lock().close();
    }
  }

  @Test
  default void aKilledProcessLeavesTheLockFree() throws Exception {
    store();
    try (Child child = Child.start(this)) {
      assertThat(child.nextLine()).isEqualTo("LOCKED");
      assertThatThrownBy(store()::lock).isInstanceOf(StateLockedException.class);

      child.process.destroyForcibly();
      assertThat(child.process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

      // PostgreSQL ends the session of the killed process as soon as it reads the closed socket
      Eventually.await(
          Duration.ofSeconds(20),
          "the lock of the killed process to be free",
          () -> {
            try (RunLock lock = store().lock()) {
              return lock != null;
            } catch (StateLockedException e) {
              return false;
            }
          });
    }
  }

  /** A child process and the lines it printed, read by a thread of their own. */
  final class Child implements AutoCloseable {
    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Child(Process process) {
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

    static Child start(RunLockContract fixture) throws IOException {
      return start(fixture, TargetNames.DEFAULT);
    }

    static Child start(RunLockContract fixture, String target) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                  "-D" + RunLockHolder.TARGET + "=" + target,
                  RunLockHolder.class.getName()));
      command.addAll(fixture.lockHolderArguments());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(fixture.lockHolderEnvironment());
      return new Child(builder.start());
    }

    String nextLine() throws InterruptedException {
      String line = lines.poll(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(line)
          .as("a line from child %s within %ss", process.pid(), CHILD_TIMEOUT_SECONDS)
          .isNotNull();
      return line;
    }

    void say(String line) {
      try {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write(line + "\n");
        in.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
