package org.scimsync.sources.ldap.servers;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.testing.servers.RealServer;

/**
 * A real OpenLDAP {@code slapd} (Debian's package) on loopback, started once per test JVM: its own
 * {@code slapd.conf} and database in a temporary directory, loaded with {@link OpenLdapFixture} by
 * {@code slapadd}, the password policy overlay (three wrong passwords lock an account), the stock
 * size limit of 500 entries except for {@link #BIND_DN}, content synchronization ({@code syncprov}
 * with its session log in an {@code accesslog} database, so it survives restarts), and TLS ({@code
 * ldaps://} and StartTLS) with a certificate of a test authority. Stopped by its pid when the JVM
 * ends. Missing programs skip the test with the reason ({@link RealServer#require}); CI=true fails
 * it instead.
 */
public final class OpenLdapServer {

  public static final String BASE = OpenLdapFixture.BASE;
  public static final String BIND_DN = "cn=svc-scim,ou=Service," + BASE;

  /** A bind account with the stock size limit (500): a read of the bulk users exceeds it. */
  public static final String LIMITED_DN = "cn=svc-limited,ou=Service," + BASE;

  public static final String BIND_PASSWORD = "svc-Pa55-word";

  /**
   * A second database of the same server, empty, without the {@code syncprov} overlay: changes
   * there are found by {@code entryCSN}. Its root DN adds the base entry.
   */
  public static final String PLAIN_BASE = "dc=plain,dc=test";

  private static final String PLAIN_ADMIN_DN = "cn=admin," + PLAIN_BASE;
  private static final String ADMIN_DN = "cn=admin," + BASE;
  private static final String ADMIN_PASSWORD = "admin-Pa55-word";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private static OpenLdapServer instance;

  private final int ldapPort;
  private final int ldapsPort;
  private final TestPki pki;
  private final List<String> command;
  private final Path dir;
  private ServerProcess process;
  private int starts = 1;

  private OpenLdapServer(int ldapPort, int ldapsPort, TestPki pki, List<String> command, Path dir) {
    this.ldapPort = ldapPort;
    this.ldapsPort = ldapsPort;
    this.pki = pki;
    this.command = command;
    this.dir = dir;
  }

  /** The running server, started on first use. */
  public static synchronized OpenLdapServer get() throws Exception {
    Path slapd = RealServer.require("/usr/sbin/slapd", "slapd");
    Path slapadd = RealServer.require("/usr/sbin/slapadd", "slapd");
    Path openssl = RealServer.require("/usr/bin/openssl", "openssl");
    if (instance == null) {
      long started = System.nanoTime();
      instance = start(slapd, slapadd, openssl);
      System.out.printf(
          "slapd: started with %d entries in %d ms%n",
          OpenLdapFixture.BULK_USERS + 40, (System.nanoTime() - started) / 1_000_000);
    }
    return instance;
  }

  private static OpenLdapServer start(Path slapd, Path slapadd, Path openssl) throws Exception {
    Path dir = Files.createTempDirectory("scim-sync-slapd-");
    try {
      return start(slapd, slapadd, openssl, dir);
    } catch (Exception | AssertionError e) {
      ServerProcess.remove(dir);
      throw e;
    }
  }

  private static OpenLdapServer start(Path slapd, Path slapadd, Path openssl, Path dir)
      throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path plain = Files.createDirectory(dir.resolve("plain"));
    Path accesslog = Files.createDirectory(dir.resolve("accesslog"));
    TestPki pki = TestPki.create(openssl, dir, List.of("DNS:localhost", "IP:127.0.0.1"));
    Path schema =
        Files.writeString(
            dir.resolve("nsaccountlock.schema"),
            """
            attributetype ( 2.16.840.1.113730.3.1.610 NAME 'nsAccountLock'
              DESC 'account inactivation, as 389 Directory Server and Red Hat IdM have it'
              EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
            """);
    String conf =
        """
        include /etc/ldap/schema/core.schema
        include /etc/ldap/schema/cosine.schema
        include /etc/ldap/schema/inetorgperson.schema
        include /etc/ldap/schema/nis.schema
        include %s
        modulepath /usr/lib/ldap
        moduleload back_mdb
        moduleload ppolicy
        moduleload refint
        moduleload syncprov
        moduleload accesslog
        pidfile %s
        TLSCACertificateFile %s
        TLSCertificateFile %s
        TLSCertificateKeyFile %s
        database mdb
        suffix "cn=accesslog"
        rootdn "cn=accesslog"
        directory %s
        maxsize 67108864
        index reqStart,reqEnd eq
        database mdb
        suffix "%s"
        rootdn "%s"
        rootpw %s
        directory %s
        maxsize 268435456
        overlay ppolicy
        ppolicy_default "%s"
        index entryCSN,entryUUID eq
        overlay refint
        refint_attributes member uniqueMember
        overlay accesslog
        logdb cn=accesslog
        logops writes
        logsuccess TRUE
        logpurge 07+00:00 01+00:00
        overlay syncprov
        syncprov-sessionlog-source cn=accesslog
        limits dn.exact="%s" size=unlimited
        access to attrs=userPassword by self write by anonymous auth by * none
        access to * by users read by * none
        database mdb
        suffix "%s"
        rootdn "%s"
        rootpw %s
        directory %s
        maxsize 67108864
        access to * by users read by * none
        """
            .formatted(
                schema,
                dir.resolve("slapd.pid"),
                pki.caCertificate(),
                pki.certificate(),
                pki.key(),
                accesslog,
                BASE,
                ADMIN_DN,
                ADMIN_PASSWORD,
                data,
                OpenLdapFixture.POLICY,
                BIND_DN,
                PLAIN_BASE,
                PLAIN_ADMIN_DN,
                ADMIN_PASSWORD,
                plain);
    Path confFile = Files.writeString(dir.resolve("slapd.conf"), conf);
    Path ldif =
        Files.writeString(
            dir.resolve("fixture.ldif"), OpenLdapFixture.ldif(BIND_DN, LIMITED_DN, BIND_PASSWORD));
    ServerProcess.run(
        dir,
        START_TIMEOUT,
        slapadd.toString(),
        "-q",
        "-f",
        confFile.toString(),
        "-b",
        BASE,
        "-l",
        ldif.toString());
    int ldapPort = freePort();
    int ldapsPort = freePort();
    List<String> command =
        List.of(
            slapd.toString(),
            "-d",
            "stats",
            "-h",
            "ldap://127.0.0.1:" + ldapPort + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
            "-f",
            confFile.toString());
    OpenLdapServer server = new OpenLdapServer(ldapPort, ldapsPort, pki, command, dir);
    server.process = ServerProcess.start("slapd", dir, command);
    server.process.awaitConnectable(server::adminOrNotYet, START_TIMEOUT);
    return server;
  }

  /**
   * Kills slapd (SIGKILL, as a crash would) and starts it again on the same ports and data; returns
   * once it answers. Connections open before are broken.
   */
  public synchronized void restart() throws Exception {
    kill();
    start();
  }

  /** Kills slapd (SIGKILL); {@link #start()} brings it back. */
  public synchronized void kill() {
    process.kill();
  }

  /** Starts slapd again after {@link #kill()}; returns once it answers. */
  public synchronized void start() throws Exception {
    starts++;
    process = ServerProcess.start("slapd-" + starts, dir, command);
    process.awaitConnectable(this::adminOrNotYet, START_TIMEOUT);
  }

  /**
   * slapd's {@code stats} log (one line per operation, {@code nentries=} for searches), counted on
   * the server side: from now on, see {@link StatsLog#entriesSentTo}.
   */
  public StatsLog statsLog() {
    return new StatsLog(process.log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private LDAPConnection adminOrNotYet() {
    try {
      return admin();
    } catch (LDAPException e) {
      throw new ServerProcess.NotYet(e);
    }
  }

  /** A connection bound as the database's root DN, for changes; the caller closes it. */
  public LDAPConnection admin() throws LDAPException {
    return new LDAPConnection("127.0.0.1", ldapPort, ADMIN_DN, ADMIN_PASSWORD);
  }

  /**
   * Waits until the group lists {@code members} members. slapd's refint overlay rewrites the member
   * DNs of renamed, moved and deleted entries after the operations have answered, in a thread of
   * its own and in their order: a reader that comes right after them may still see the old DNs.
   */
  public void awaitMembers(LDAPConnection admin, String groupDn, int members) {
    Eventually.await(
        Duration.ofSeconds(10),
        "the refint overlay to leave " + members + " members in " + groupDn,
        () -> {
          try {
            return admin.getEntry(groupDn, "member").getAttributeValues("member").length == members;
          } catch (LDAPException e) {
            throw new AssertionError(e);
          }
        });
  }

  /** A connection bound as the root DN of {@link #PLAIN_BASE}; the caller closes it. */
  public LDAPConnection plainAdmin() throws LDAPException {
    return new LDAPConnection("127.0.0.1", ldapPort, PLAIN_ADMIN_DN, ADMIN_PASSWORD);
  }

  /** {@code ldap://127.0.0.1:<port>}: plain, and StartTLS. */
  public String ldapUrl() {
    return "ldap://127.0.0.1:" + ldapPort;
  }

  /** {@code ldaps://127.0.0.1:<port>}. */
  public String ldapsUrl() {
    return "ldaps://127.0.0.1:" + ldapsPort;
  }

  /** The plain port, for binds made by tests. */
  public int ldapPort() {
    return ldapPort;
  }

  /** The test authority and server certificate; {@code trustStore()} for the source. */
  public TestPki pki() {
    return pki;
  }
}
