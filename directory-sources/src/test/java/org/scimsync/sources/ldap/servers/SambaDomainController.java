package org.scimsync.sources.ldap.servers;

import static org.junit.jupiter.api.Assertions.fail;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.scimsync.testing.servers.RealServer;

/**
 * A real Active Directory domain controller, Samba 4 (Debian's {@code samba}, {@code
 * samba-ad-provision}, {@code ldb-tools}), started once per test JVM: a domain provisioned into a
 * temporary directory ({@code samba-tool domain provision}), loaded offline with {@link
 * ActiveDirectoryFixture} ({@code ldbadd}, {@code ldbmodify}), then {@code samba -i} with only its
 * LDAP service on a loopback address of its own (Samba's LDAP ports, 389 and 636, are fixed), with
 * a certificate of a test authority. Stock settings otherwise: simple binds need TLS. Stopped by
 * its pid when the JVM ends. Samba runs only as root: otherwise the test is skipped with the reason
 * (under CI=true it fails).
 */
public final class SambaDomainController {

  public static final String BASE = ActiveDirectoryFixture.BASE;
  public static final String BIND_DN = "CN=svc-scim,OU=Service," + BASE;
  public static final String BIND_PASSWORD = "Svc-Pa55-word!";
  public static final String LOCKER_PASSWORD = "Lock-Pa55-word!";
  private static final String ADMIN_DN = "CN=Administrator,CN=Users," + BASE;
  private static final String ADMIN_PASSWORD = "Adm1n-Pa55-word!";
  private static final Duration PROVISION_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static SambaDomainController instance;

  private final String address;
  private final TestPki pki;

  private SambaDomainController(String address, TestPki pki) {
    this.address = address;
    this.pki = pki;
  }

  /** The running domain controller, provisioned and started on first use. */
  public static synchronized SambaDomainController get() throws Exception {
    Path samba = RealServer.require("/usr/sbin/samba", "samba-ad-dc");
    Path tool = RealServer.require("/usr/bin/samba-tool", "samba-ad-dc");
    require(
        Files.isDirectory(Path.of("/usr/share/samba/setup/ad-schema")),
        "samba-ad-provision is not installed (Debian: apt-get install -y samba-ad-provision)");
    Path ldbadd = RealServer.require("/usr/bin/ldbadd", "ldb-tools");
    Path ldbmodify = RealServer.require("/usr/bin/ldbmodify", "ldb-tools");
    Path openssl = RealServer.require("/usr/bin/openssl", "openssl");
    require(
        "root".equals(System.getProperty("user.name")),
        "the Samba domain controller runs only as root");
    if (instance == null) {
      Path dir = Files.createTempDirectory("scim-sync-samba-");
      try {
        instance = start(samba, tool, ldbadd, ldbmodify, openssl, dir);
      } catch (Exception | AssertionError e) {
        ServerProcess.remove(dir);
        throw e;
      }
    }
    return instance;
  }

  /** As {@link RealServer#require}: skip with the reason, or fail under CI=true. */
  private static void require(boolean met, String reason) {
    if (met) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv().getOrDefault("CI", "").strip())) {
      fail(reason + "; CI=true: a real-server test must run, not skip");
    }
    System.out.println("SKIPPED: " + reason);
    Assumptions.abort(reason);
  }

  private static SambaDomainController start(
      Path samba, Path tool, Path ldbadd, Path ldbmodify, Path openssl, Path dir) throws Exception {
    String address = freeLoopbackAddress();
    TestPki pki =
        TestPki.create(openssl, dir, List.of("IP:" + address, "DNS:dc1.corp.example.com"));
    Path domain = dir.resolve("dc");
    long started = System.nanoTime();
    ServerProcess.run(
        dir,
        PROVISION_TIMEOUT,
        tool.toString(),
        "domain",
        "provision",
        "--use-rfc2307",
        "--realm=CORP.EXAMPLE.COM",
        "--domain=CORP",
        "--server-role=dc",
        "--dns-backend=NONE",
        "--host-name=dc1",
        "--targetdir=" + domain,
        "--adminpass=" + ADMIN_PASSWORD,
        "--option=interfaces = " + address + "/8",
        "--option=bind interfaces only = yes");
    long provisioned = System.nanoTime();
    Path conf = domain.resolve("etc/smb.conf");
    String settings =
        Files.readString(conf)
            .replaceAll("\\tserver services = .*\\n", "\tserver services = ldap\n")
            .replaceAll("\\tlog file = .*\\n", "\tlog file = " + domain + "/log.%m\n")
            .replace(
                "[global]\n",
                "[global]\n"
                    + "\tpid directory = "
                    + domain
                    + "/run\n"
                    + "\ttls enabled = yes\n"
                    + "\ttls keyfile = "
                    + pki.key()
                    + "\n"
                    + "\ttls certfile = "
                    + pki.certificate()
                    + "\n"
                    + "\ttls cafile = "
                    + pki.caCertificate()
                    + "\n");
    Files.writeString(conf, settings);
    Files.createDirectories(domain.resolve("run"));
    Path sam = domain.resolve("private/sam.ldb");
    Path entries =
        Files.writeString(
            dir.resolve("entries.ldif"),
            ActiveDirectoryFixture.entries(BIND_DN, BIND_PASSWORD, LOCKER_PASSWORD));
    Path modifications =
        Files.writeString(
            dir.resolve("modifications.ldif"), ActiveDirectoryFixture.modifications());
    ServerProcess.run(
        dir, PROVISION_TIMEOUT, ldbadd.toString(), "-H", sam.toString(), entries.toString());
    ServerProcess.run(
        dir,
        PROVISION_TIMEOUT,
        ldbmodify.toString(),
        "-H",
        sam.toString(),
        modifications.toString());
    grantDeletedObjects(dir, sam, ldbmodify);
    long loaded = System.nanoTime();
    ServerProcess process =
        ServerProcess.start(
            "samba",
            dir,
            List.of(
                samba.toString(), "-i", "-M", "single", "-s", conf.toString(), "--debug-stdout"));
    SambaDomainController server = new SambaDomainController(address, pki);
    process.awaitConnectable(server::adminOrNotYet, START_TIMEOUT);
    long ready = System.nanoTime();
    System.out.printf(
        "samba: provisioned in %d ms, loaded %d users in %d ms, answered after %d ms, on %s%n",
        (provisioned - started) / 1_000_000,
        ActiveDirectoryFixture.BULK_USERS + 15,
        (loaded - provisioned) / 1_000_000,
        (ready - loaded) / 1_000_000,
        address);
    return server;
  }

  /**
   * Lets the bind account list the Deleted Objects container (as an administrator grants a sync
   * account, {@code dsacls "CN=Deleted Objects,..." /G account:LCRP}), so the change reader sees
   * tombstones: an ACE in the container's DACL, added offline with the Show Deleted control. Other
   * accounts (locker) keep the stock rights and see none.
   */
  private static void grantDeletedObjects(Path dir, Path sam, Path ldbmodify) throws Exception {
    Path ldbsearch = RealServer.require("/usr/bin/ldbsearch", "ldb-tools");
    String sid =
        ldifValue(
            ServerProcess.run(
                dir,
                PROVISION_TIMEOUT,
                ldbsearch.toString(),
                "-H",
                sam.toString(),
                "(sAMAccountName=svc-scim)",
                "objectSid"),
            "objectSid");
    String container = "CN=Deleted Objects," + BASE;
    String descriptor =
        ldifValue(
            ServerProcess.run(
                dir,
                PROVISION_TIMEOUT,
                ldbsearch.toString(),
                "-H",
                sam.toString(),
                "--controls=show_deleted:1",
                "-b",
                container,
                "-s",
                "base",
                "nTSecurityDescriptor"),
            "nTSecurityDescriptor");
    String ace = "(A;;LCRP;;;" + sid + ")";
    String granted =
        descriptor.contains(")S:")
            ? descriptor.replaceFirst(
                "\\)S:", ")" + java.util.regex.Matcher.quoteReplacement(ace) + "S:")
            : descriptor + ace;
    Path grant =
        Files.writeString(
            dir.resolve("deleted-objects.ldif"),
            "dn: "
                + container
                + "\nchangetype: modify\nreplace: nTSecurityDescriptor\nnTSecurityDescriptor: "
                + granted
                + "\n");
    ServerProcess.run(
        dir,
        PROVISION_TIMEOUT,
        ldbmodify.toString(),
        "-H",
        sam.toString(),
        "--controls=show_deleted:1",
        grant.toString());
  }

  /** The value of {@code name} in ldbsearch's LDIF output (continuation lines joined). */
  private static String ldifValue(String ldif, String name) {
    String joined = ldif.replace("\n ", "");
    for (String line : joined.split("\n")) {
      if (line.startsWith(name + ": ")) {
        return line.substring(name.length() + 2).strip();
      }
    }
    throw new IllegalStateException("no " + name + " in:\n" + ldif);
  }

  /**
   * 127.0.0.2, or another loopback address whose LDAP port is free (a previous run's DC still
   * stopping, another checkout's tests).
   */
  private static String freeLoopbackAddress() throws IOException {
    SplittableRandom random = new SplittableRandom();
    String address = "127.0.0.2";
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getByName(address), 389));
        return address;
      } catch (IOException taken) {
        address = "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + ".2";
      }
    }
    throw new IOException("no loopback address with a free port 389 after 20 tries");
  }

  private LDAPConnection adminOrNotYet() {
    try {
      return admin();
    } catch (LDAPException e) {
      throw new ServerProcess.NotYet(e);
    }
  }

  /** A connection over ldaps:// bound as the domain's Administrator; the caller closes it. */
  public LDAPConnection admin() throws LDAPException {
    return connect(ADMIN_DN, ADMIN_PASSWORD);
  }

  /** A connection over ldaps:// bound as {@code dn}; the caller closes it. */
  public LDAPConnection connect(String dn, String password) throws LDAPException {
    try {
      SSLUtil tls =
          new SSLUtil(
              new TrustStoreTrustManager(
                  pki.trustStore().toFile(),
                  pki.trustStorePassword().toCharArray(),
                  "PKCS12",
                  true));
      LDAPConnectionOptions options = new LDAPConnectionOptions();
      options.setConnectTimeoutMillis(5_000);
      return new LDAPConnection(tls.createSSLSocketFactory(), options, address, 636, dn, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ldap://<address>}: plain (simple binds refused), and StartTLS. */
  public String ldapUrl() {
    return "ldap://" + address;
  }

  /** {@code ldaps://<address>}. */
  public String ldapsUrl() {
    return "ldaps://" + address;
  }

  /** The test authority and server certificate; {@code trustStore()} for the source. */
  public TestPki pki() {
    return pki;
  }
}
