package org.scimsync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real Squid forward proxy on a free loopback port, with its own configuration, logs and pid file
 * in a fresh temporary directory; optionally with Basic authentication against an htpasswd file.
 * Stopped by its pid.
 */
final class SquidProxy implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final Process process;
  private final int port;

  private SquidProxy(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Squid.
   *
   * @param squid the squid program
   * @param openssl the openssl program, to hash the password; used only with a user
   * @param user the one user allowed, or null for a proxy open to loopback clients
   * @param password that user's password
   * @return the running proxy
   */
  static SquidProxy start(
      Path squid, Path openssl, @Nullable String user, @Nullable String password)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("scim-sync-squid-");
    // Started as root, Squid drops to its own user: it must be able to write here.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    int port = freeLoopbackPort();
    StringBuilder conf = new StringBuilder();
    conf.append("http_port 127.0.0.1:")
        .append(port)
        .append('\n')
        .append("pid_filename ")
        .append(dir.resolve("squid.pid"))
        .append('\n')
        .append("access_log stdio:")
        .append(dir.resolve("access.log"))
        .append(" squid\n")
        .append("cache_log ")
        .append(dir.resolve("cache.log"))
        .append('\n')
        .append("coredump_dir ")
        .append(dir)
        .append('\n')
        .append("cache_store_log none\n")
        .append("cache deny all\n")
        .append("cache_mem 8 MB\n")
        .append("pinger_enable off\n")
        .append("shutdown_lifetime 0 seconds\n")
        .append("visible_hostname scim-sync-test-proxy\n");
    if (user != null) {
      Path htpasswd = dir.resolve("htpasswd");
      Files.writeString(htpasswd, user + ":" + apr1(openssl, password) + "\n");
      Files.setPosixFilePermissions(htpasswd, PosixFilePermissions.fromString("rw-r--r--"));
      conf.append("auth_param basic program /usr/lib/squid/basic_ncsa_auth ")
          .append(htpasswd)
          .append('\n')
          .append("auth_param basic realm scim-sync-test\n")
          .append("acl authenticated proxy_auth REQUIRED\n")
          .append("http_access allow localhost authenticated\n");
    } else {
      conf.append("http_access allow localhost\n");
    }
    conf.append("http_access deny all\n");
    Path confFile = Files.writeString(dir.resolve("squid.conf"), conf.toString());
    Process process =
        new ProcessBuilder(squid.toString(), "-N", "-d", "1", "-f", confFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("squid.out").toFile())
            .start();
    SquidProxy proxy = new SquidProxy(dir, process, port);
    proxy.awaitListening();
    return proxy;
  }

  /** An Apache MD5 ({@code $apr1$}) hash, as {@code basic_ncsa_auth} reads it. */
  private static String apr1(Path openssl, @Nullable String password)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(openssl.toString(), "passwd", "-apr1", "-stdin")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String hash = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    assertThat(process.exitValue()).as("openssl passwd: %s", hash).isZero();
    assertThat(hash.strip()).startsWith("$apr1$");
    return hash.strip();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("squid is running: %s", output()).isTrue();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new AssertionError("squid did not listen within " + START_TIMEOUT + ": " + output());
  }

  /** The proxy URL, {@code http://127.0.0.1:<port>}. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The lines of Squid's access log so far (written when a request or tunnel ends). */
  List<String> accessLog() throws IOException {
    Path log = dir.resolve("access.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /**
   * Polls the access log until a line matches.
   *
   * @param line what to look for
   * @param timeout how long to wait
   * @return the line
   */
  String awaitAccessLog(Predicate<String> line, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> found = accessLog().stream().filter(line).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such line in squid's access log: " + accessLog());
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  private String output() {
    try {
      return Files.readString(dir.resolve("squid.out"))
          + (Files.exists(dir.resolve("cache.log"))
              ? Files.readString(dir.resolve("cache.log"))
              : "");
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** Stops Squid by its pid (from its pid file) and removes its directory. */
  @Override
  public void close() throws IOException, InterruptedException {
    Path pidFile = dir.resolve("squid.pid");
    long pid =
        Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).strip()) : process.pid();
    Optional<ProcessHandle> squid = ProcessHandle.of(pid);
    if (squid.isPresent()) {
      List<ProcessHandle> helpers = squid.get().descendants().toList();
      squid.get().destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        squid.get().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
