package org.scimsync.state.postgres.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.Driver;
import org.scimsync.common.Secret;
import org.scimsync.state.postgres.PostgresConnection;
import org.scimsync.testing.servers.RealServer;

/**
 * A real PostgreSQL server (Debian's package) on loopback, private to the test JVM: {@code initdb}
 * into a temporary directory, {@code postgres} on a free port with its socket in that directory,
 * started once per JVM and stopped by its pid (a fast shutdown, SIGINT) when the JVM ends. {@code
 * initdb} refuses to run as root: as root the server runs as the {@code postgres} user (or {@code
 * nobody}) through {@code runuser}, and its directory belongs to that user. TCP logins need the
 * password ({@code scram-sha-256}). Durability is off (fsync), which only tests may do.
 *
 * <p>Each test takes a schema of its own ({@link #newSchema()}): cheaper than a database, and the
 * state store's run lock and Flyway's history are per schema. Missing programs skip the test with
 * the reason ({@link RealServer#require}); CI=true fails it instead.
 */
public final class PostgresServer {

  public static final String USER = "scimsync";
  public static final String PASSWORD = "test-Pa55-word";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private static PostgresServer instance;

  private final int port;
  private final Path dir;
  private final Process process;

  private PostgresServer(int port, Path dir, Process process) {
    this.port = port;
    this.dir = dir;
    this.process = process;
  }

  /** The running server, started on first use. */
  public static synchronized PostgresServer get() throws Exception {
    Path bin = binaries();
    RealServer.require(bin.resolve("initdb").toString(), "postgresql");
    RealServer.require(bin.resolve("postgres").toString(), "postgresql");
    if (instance == null) {
      long started = System.nanoTime();
      instance = start(bin);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-postgres"));
      System.out.printf(
          "postgres: started on port %d in %d ms%n",
          instance.port, (System.nanoTime() - started) / 1_000_000);
    }
    return instance;
  }

  /** {@code /usr/lib/postgresql/<newest version>/bin}. */
  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return root.resolve("15/bin");
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> v.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .orElse(root.resolve("15"))
          .resolve("bin");
    }
  }

  private static PostgresServer start(Path bin) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "scim-sync-postgres-");
    try {
      return start(bin, dir);
    } catch (Exception | AssertionError e) {
      remove(dir);
      throw e;
    }
  }

  private static PostgresServer start(Path bin, Path dir) throws Exception {
    List<String> asUser = asServerUser();
    Path passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    if (!asUser.isEmpty()) {
      run(dir, List.of("chown", "-R", asUser.get(2), dir.toString()));
    }
    Path data = dir.resolve("data");
    List<String> initdb = new ArrayList<>(asUser);
    initdb.addAll(
        List.of(
            bin.resolve("initdb").toString(),
            "--pgdata=" + data,
            "--username=" + USER,
            "--pwfile=" + passwordFile,
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions"));
    run(dir, initdb);
    int port = freePort();
    List<String> postgres = new ArrayList<>(asUser);
    postgres.addAll(
        List.of(
            bin.resolve("postgres").toString(),
            "-D",
            data.toString(),
            "-p",
            Integer.toString(port),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories=" + dir,
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=200",
            "-c",
            "shared_buffers=32MB"));
    Process process =
        new ProcessBuilder(postgres)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("postgres.log").toFile())
            .start();
    PostgresServer server = new PostgresServer(port, dir, process);
    server.awaitLogin();
    return server;
  }

  /** {@code runuser -u <user> --} when running as root; empty otherwise. */
  private static List<String> asServerUser() throws Exception {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    id.waitFor(10, TimeUnit.SECONDS);
    if (!"0".equals(uid)) {
      return List.of();
    }
    Path runuser = RealServer.require("/usr/sbin/runuser", "util-linux");
    String user = userExists("postgres") ? "postgres" : "nobody";
    return List.of(runuser.toString(), "-u", user, "--");
  }

  private static boolean userExists(String name) throws Exception {
    Process id = new ProcessBuilder("id", "-u", name).redirectErrorStream(true).start();
    id.getInputStream().readAllBytes();
    return id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0;
  }

  private static void run(Path dir, List<String> command) throws Exception {
    Path output = Files.createTempFile(dir, "run-", ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in time");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed ("
              + process.exitValue()
              + "):\n"
              + Files.readString(output, StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitLogin() throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("postgres ended (" + process.exitValue() + "): " + log());
      }
      try (Connection connection = connect("postgres")) {
        return;
      } catch (SQLException e) {
        last = e;
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new IllegalStateException(
        "postgres did not accept a login within " + START_TIMEOUT + ": " + last + "\n" + log());
  }

  /** The server's output so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("postgres.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** The loopback port. */
  public int port() {
    return port;
  }

  /** A JDBC URL of the test database whose sessions work in {@code schema}. */
  public String url(String schema) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=" + schema;
  }

  /** A session as the test superuser, in {@code schema}; the caller closes it. */
  public Connection connect(String schema) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    return new Driver().connect(url(schema), properties);
  }

  /** Creates an empty schema of its own for one test and returns its name. */
  public String newSchema() throws SQLException {
    String schema = "test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection connection = connect("public");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  /** A state store connection to a new, empty schema. */
  public PostgresConnection newStore() throws SQLException {
    return connection(newSchema());
  }

  /** The state store connection of {@code schema}. */
  public PostgresConnection connection(String schema) {
    return new PostgresConnection(url(schema), USER, Secret.of(PASSWORD));
  }

  /** Fast shutdown by pid (SIGINT to the postmaster), then the directory is removed. */
  private void stop() {
    try {
      Path pidFile = dir.resolve("data/postmaster.pid");
      if (Files.exists(pidFile)) {
        String pid = Files.readAllLines(pidFile).get(0).strip();
        new ProcessBuilder("kill", "-INT", pid).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
      }
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      System.err.println("postgres: could not stop cleanly: " + e);
    }
    remove(dir);
  }

  private static void remove(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e);
    }
  }
}
