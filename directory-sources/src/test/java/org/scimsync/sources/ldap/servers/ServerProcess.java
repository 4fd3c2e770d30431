package org.scimsync.sources.ldap.servers;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real server program run in the foreground from a private directory, its output in a log file
 * there; stopped by its pid (and its children's) and its directory removed when the test JVM ends.
 */
final class ServerProcess {

  private final String name;
  private final Path dir;
  private final Path log;
  private final Process process;

  private ServerProcess(String name, Path dir, Path log, Process process) {
    this.name = name;
    this.dir = dir;
    this.log = log;
    this.process = process;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + name));
  }

  /** Starts {@code command} in {@code dir}, its output in {@code dir/<name>.log}. */
  static ServerProcess start(String name, Path dir, List<String> command) throws IOException {
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new ServerProcess(name, dir, log, process);
  }

  /**
   * Runs a setup program to its end, failing with its output if it fails.
   *
   * @return its output
   */
  static String run(Path dir, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "run-", ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish within " + timeout);
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + text);
    }
    return text;
  }

  /**
   * Polls until {@code connect} returns a connection (closed at once), the process ends, or {@code
   * timeout} passes.
   */
  void awaitConnectable(Supplier<LDAPConnection> connect, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> failures = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended (" + process.exitValue() + "): " + output());
      }
      try (LDAPConnection connection = connect.get()) {
        return;
      } catch (NotYet e) {
        failures.add(e.getMessage());
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new IllegalStateException(
        name
            + " did not answer within "
            + timeout
            + ": "
            + failures.get(failures.size() - 1)
            + "\n"
            + output());
  }

  /** A failure to connect while the server is starting. */
  static final class NotYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotYet(LDAPException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The server's output so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** Kills the server by its pid (SIGKILL, as a crash would) and waits for its end. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The file the server's output goes to. */
  Path log() {
    return log;
  }

  /** Stops the server and its children by pid, then removes its directory. */
  void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        child.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      System.err.println(name + ": could not wait for its end: " + e);
    }
    remove(dir);
  }

  /** Removes a server's directory; one that cannot be removed is reported, not thrown. */
  static void remove(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e);
    }
  }
}
