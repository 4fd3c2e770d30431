package org.scimsync.bench.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private slapd for a benchmark: its own configuration and database in a directory, loaded
 * offline with {@code slapadd -q}, the {@code syncprov} overlay with a session log, equality
 * indexes on what change reads search by, the {@code stats} log in {@code slapd.log}. Stopped by
 * its pid.
 */
final class SlapdInstance implements AutoCloseable {

  static final String BASE = "dc=example,dc=com";
  static final String ROOT_DN = "cn=admin," + BASE;
  static final String ROOT_PASSWORD = "bench-admin-password";

  /** The account the readers bind as (the root DN makes the changes). */
  static final String READER_DN = "cn=reader," + BASE;

  static final String READER_PASSWORD = "bench-reader-password";

  private final Process process;
  private final int port;
  private final Path log;

  private SlapdInstance(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Loads {@code ldif} into a new database under {@code dir} and starts slapd on loopback. */
  static SlapdInstance start(Path dir, Path ldif) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path conf =
        Files.writeString(
            dir.resolve("slapd.conf"),
            """
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            include /etc/ldap/schema/nis.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            moduleload syncprov
            pidfile %s
            database mdb
            suffix "%s"
            rootdn "%s"
            rootpw %s
            directory %s
            maxsize 2147483648
            index objectClass,entryUUID,entryCSN,member,uid eq
            overlay syncprov
            syncprov-sessionlog 10000
            limits dn.exact="%s" size=unlimited
            """
                .formatted(
                    dir.resolve("slapd.pid"), BASE, ROOT_DN, ROOT_PASSWORD, data, READER_DN));
    String entries = Files.readString(ldif);
    if (entries.startsWith("version:")) {
      // slapadd reads entries, not the LDIF version line
      Files.writeString(ldif, entries.substring(entries.indexOf("\n\n") + 2));
    }
    Files.writeString(
        ldif,
        "\ndn: "
            + READER_DN
            + "\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\n"
            + "userPassword: "
            + READER_PASSWORD
            + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    long started = System.nanoTime();
    run(dir, "/usr/sbin/slapadd", "-q", "-f", conf.toString(), "-l", ldif.toString());
    System.out.printf("slapadd: loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("slapd.log");
    Process process =
        new ProcessBuilder(
                "/usr/sbin/slapd",
                "-d",
                "stats",
                "-h",
                "ldap://127.0.0.1:" + port + "/",
                "-f",
                conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    SlapdInstance instance = new SlapdInstance(process, port, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (LDAPConnection ignored = instance.admin()) {
        return instance;
      } catch (LDAPException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          instance.close();
          throw new IllegalStateException("slapd did not answer: " + Files.readString(log), e);
        }
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Path output = dir.resolve("setup.log");
    Process process =
        new ProcessBuilder(List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + Files.readString(output));
    }
  }

  String url() {
    return "ldap://127.0.0.1:" + port;
  }

  LDAPConnection admin() throws LDAPException {
    return new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
