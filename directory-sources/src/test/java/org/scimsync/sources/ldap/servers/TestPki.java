package org.scimsync.sources.ldap.servers;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;

/**
 * A test certificate authority and one server certificate it issued, made with openssl as PEM files
 * (what slapd and Samba read), and a PKCS12 trust store holding the authority (what the source's
 * {@code trustStore} takes).
 *
 * @param caCertificate the authority's certificate (PEM)
 * @param certificate the server certificate (PEM), for the given names and addresses
 * @param key the server's private key (PEM, owner-only)
 * @param trustStore a PKCS12 trust store with the authority
 * @param trustStorePassword its password
 */
public record TestPki(
    Path caCertificate, Path certificate, Path key, Path trustStore, String trustStorePassword) {

  private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Makes the files in {@code dir}.
   *
   * @param subjectAltNames e.g. {@code DNS:localhost}, {@code IP:127.0.0.1}
   */
  static TestPki create(Path openssl, Path dir, List<String> subjectAltNames) throws Exception {
    String tool = openssl.toString();
    Path caKey = dir.resolve("ca.key");
    Path ca = dir.resolve("ca.pem");
    Path key = dir.resolve("server.key");
    Path request = dir.resolve("server.csr");
    Path certificate = dir.resolve("server.pem");
    Path extensions =
        Files.writeString(
            dir.resolve("server.ext"),
            "subjectAltName = "
                + String.join(",", subjectAltNames)
                + "\n"
                + "extendedKeyUsage = serverAuth\n");
    ServerProcess.run(
        dir,
        OPENSSL_TIMEOUT,
        tool,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        caKey.toString(),
        "-out",
        ca.toString(),
        "-subj",
        "/CN=scim-sync test CA",
        "-days",
        "3");
    ServerProcess.run(
        dir,
        OPENSSL_TIMEOUT,
        tool,
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        request.toString(),
        "-subj",
        "/CN=ldap test server");
    ServerProcess.run(
        dir,
        OPENSSL_TIMEOUT,
        tool,
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-CA",
        ca.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-out",
        certificate.toString(),
        "-days",
        "3",
        "-extfile",
        extensions.toString());
    Files.setPosixFilePermissions(
        key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    String password = "trust-store-pin";
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trust.setCertificateEntry(
          "test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path trustStore = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trust.store(out, password.toCharArray());
    }
    return new TestPki(ca, certificate, key, trustStore, password);
  }
}
