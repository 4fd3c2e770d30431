package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;

/** ldaps:// and StartTLS against servers with a self-signed certificate. */
class LdapTlsIT {

  private static final String TRUST_PASSWORD = "trust-store-pin";
  private static final String KEY_PASSWORD = "key-store-pin";

  @TempDir static Path dir;
  private static InMemoryDirectoryServer ldaps;
  private static InMemoryDirectoryServer startTls;
  private static InMemoryDirectoryServer wrongName;
  private static Path trustStore;

  @BeforeAll
  static void startServers() throws Exception {
    File localhost = keyStore("localhost");
    File otherHost = keyStore("ldap.example.test");
    trustStore = trustStoreOf(localhost, otherHost);
    ldaps =
        TestDirectories.openLdap(
            InMemoryListenerConfig.createLDAPSConfig(
                "ldaps",
                InetAddress.getLoopbackAddress(),
                0,
                serverTls(localhost).createSSLServerSocketFactory(),
                null));
    ldaps.startListening();
    startTls =
        TestDirectories.openLdap(
            InMemoryListenerConfig.createLDAPConfig(
                "ldap",
                InetAddress.getLoopbackAddress(),
                0,
                serverTls(localhost).createSSLSocketFactory()));
    startTls.startListening();
    wrongName =
        TestDirectories.openLdap(
            InMemoryListenerConfig.createLDAPSConfig(
                "ldaps",
                InetAddress.getLoopbackAddress(),
                0,
                serverTls(otherHost).createSSLServerSocketFactory(),
                null));
    wrongName.startListening();
  }

  @AfterAll
  static void stopServers() {
    ldaps.shutDown(true);
    startTls.shutDown(true);
    wrongName.shutDown(true);
  }

  /** A PKCS12 key store with a self-signed certificate for {@code hostName}. */
  private static File keyStore(String hostName) {
    File keyStore = dir.resolve(hostName + ".p12").toFile();
    ResultCode generated =
        ManageCertificates.main(
            null,
            OutputStream.nullOutputStream(),
            OutputStream.nullOutputStream(),
            "generate-self-signed-certificate",
            "--keystore",
            keyStore.getPath(),
            "--keystore-password",
            KEY_PASSWORD,
            "--keystore-type",
            "PKCS12",
            "--alias",
            "server",
            "--subject-dn",
            "CN=" + hostName,
            "--subject-alternative-name-dns",
            hostName);
    assertThat(generated).isEqualTo(ResultCode.SUCCESS);
    return keyStore;
  }

  private static SSLUtil serverTls(File keyStore) throws Exception {
    return new SSLUtil(
        new KeyStoreKeyManager(keyStore, KEY_PASSWORD.toCharArray(), "PKCS12", null),
        new TrustAllTrustManager());
  }

  /** A trust store holding only the servers' certificates, as an administrator would make one. */
  private static Path trustStoreOf(File... keyStores) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (File keyStoreFile : keyStores) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStoreFile.toPath())) {
        keys.load(in, KEY_PASSWORD.toCharArray());
      }
      Certificate certificate = keys.getCertificate("server");
      trust.setCertificateEntry(keyStoreFile.getName(), certificate);
    }
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, TRUST_PASSWORD.toCharArray());
    }
    return file;
  }

  private static LdapSourceConfig config(String url, boolean startTls, Path trust) {
    return new LdapSourceConfig(
        url,
        startTls,
        TestDirectories.BIND_DN,
        Secret.of(TestDirectories.BIND_PASSWORD),
        LdapFlavor.OPENLDAP,
        "ou=People,dc=example,dc=com",
        null,
        "ou=Groups,dc=example,dc=com",
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        0,
        trust,
        trust == null ? null : Secret.of(TRUST_PASSWORD));
  }

  private static String host() {
    return "localhost";
  }

  @Test
  void readsOverLdapsWithTheConfiguredTrustStore() throws Exception {
    String url = "ldaps://" + host() + ":" + ldaps.getListenPort();

    DirectorySnapshot snapshot = new LdapDirectorySource(config(url, false, trustStore)).read();

    assertThat(snapshot.userCount()).isEqualTo(3);
    assertThat(snapshot.groupCount()).isEqualTo(3);
  }

  @Test
  void readsOverStartTlsWithTheConfiguredTrustStore() throws Exception {
    String url = "ldap://" + host() + ":" + startTls.getListenPort();

    DirectorySnapshot snapshot = new LdapDirectorySource(config(url, true, trustStore)).read();

    assertThat(snapshot.userCount()).isEqualTo(3);
  }

  @Test
  void refusesAServerCertificateThatIsNotTrusted() throws Exception {
    String url = "ldaps://" + host() + ":" + ldaps.getListenPort();

    assertThatThrownBy(() -> new LdapDirectorySource(config(url, false, null)).read())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("connect failed")
        .hasMessageNotContaining("Hostname verification")
        .hasMessageContaining("cannot be trusted");
  }

  @Test
  void refusesACertificateIssuedForAnotherHostName() throws Exception {
    String url = "ldaps://localhost:" + wrongName.getListenPort();

    assertThatThrownBy(() -> new LdapDirectorySource(config(url, false, trustStore)).read())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("connect failed")
        .hasMessageContaining("Hostname verification failed");
  }
}
