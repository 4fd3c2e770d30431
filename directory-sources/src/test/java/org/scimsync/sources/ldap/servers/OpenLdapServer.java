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
 * size limit of 500 entries except for {@link #BIND_DN}, and TLS ({@code ldaps://} and StartTLS)
 * with a certificate of a test authority. Stopped by its pid when the JVM ends. Missing programs
 * skip the test with the reason ({@link RealServer#require}); CI=true fails it instead.
 */
public final class OpenLdapServer {

  public static final String BASE = OpenLdapFixture.BASE;
  public static final String BIND_DN = "cn=svc-scim,ou=Service," + BASE;

  /** A bind account with the stock size limit (500): a read of the bulk users exceeds it. */
  public static final String LIMITED_DN = "cn=svc-limited,ou=Service," + BASE;

  public static final String BIND_PASSWORD = "svc-Pa55-word";
  private static final String ADMIN_DN = "cn=admin," + BASE;
  private static final String ADMIN_PASSWORD = "admin-Pa55-word";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private static OpenLdapServer instance;

  private final int ldapPort;
  private final int ldapsPort;
  private final TestPki pki;

  private OpenLdapServer(int ldapPort, int ldapsPort, TestPki pki) {
    this.ldapPort = ldapPort;
    this.ldapsPort = ldapsPort;
    this.pki = pki;
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
        pidfile %s
        TLSCACertificateFile %s
        TLSCertificateFile %s
        TLSCertificateKeyFile %s
        database mdb
        suffix "%s"
        rootdn "%s"
        rootpw %s
        directory %s
        maxsize 268435456
        overlay ppolicy
        ppolicy_default "%s"
        overlay refint
        refint_attributes member uniqueMember
        limits dn.exact="%s" size=unlimited
        access to attrs=userPassword by self write by anonymous auth by * none
        access to * by users read by * none
        """
            .formatted(
                schema,
                dir.resolve("slapd.pid"),
                pki.caCertificate(),
                pki.certificate(),
                pki.key(),
                BASE,
                ADMIN_DN,
                ADMIN_PASSWORD,
                data,
                OpenLdapFixture.POLICY,
                BIND_DN);
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
        "-l",
        ldif.toString());
    int ldapPort = freePort();
    int ldapsPort = freePort();
    ServerProcess process =
        ServerProcess.start(
            "slapd",
            dir,
            List.of(
                slapd.toString(),
                "-d",
                "0",
                "-h",
                "ldap://127.0.0.1:" + ldapPort + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                "-f",
                confFile.toString()));
    OpenLdapServer server = new OpenLdapServer(ldapPort, ldapsPort, pki);
    process.awaitConnectable(server::adminOrNotYet, START_TIMEOUT);
    return server;
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
