package org.scimsync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's
 * keytool: the server's key store and a trust store holding only that certificate.
 *
 * @param keyStore the server's PKCS12 key store
 * @param keyStorePassword its password (also the key's)
 * @param trustStore a PKCS12 trust store with the server certificate
 * @param trustStorePassword its password
 */
record TestCertificates(
    Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

  /** Makes the stores in {@code dir}. */
  static TestCertificates create(Path dir) throws IOException, InterruptedException {
    TestCertificates made =
        new TestCertificates(
            dir.resolve("server.p12"), "server-pass", dir.resolve("trust.p12"), "trust-pass");
    Path cert = dir.resolve("server.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        made.keyStore().toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        made.keyStorePassword(),
        "-keypass",
        made.keyStorePassword());
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "server",
        "-keystore",
        made.keyStore().toString(),
        "-storepass",
        made.keyStorePassword(),
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "server",
        "-file",
        cert.toString(),
        "-keystore",
        made.trustStore().toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        made.trustStorePassword());
    return made;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
  }
}
