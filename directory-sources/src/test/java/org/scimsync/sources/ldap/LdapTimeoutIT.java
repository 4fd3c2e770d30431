package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.SourceException;

/**
 * The connect and search timeouts: a server that accepts TCP connections but never answers LDAP
 * must fail the read after the configured time, not hang it.
 */
class LdapTimeoutIT {

  private static final String PASSWORD = "never-shown-password";

  private SilentServer server;

  @BeforeEach
  void start() throws IOException {
    server = new SilentServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static LdapSourceConfig config(
      int port, boolean bind, Duration connectTimeout, Duration searchTimeout) {
    return TestDirectories.sourceConfig(
        "ldap://127.0.0.1:" + port,
        bind ? "cn=svc,dc=example,dc=com" : null,
        bind ? PASSWORD : null,
        LdapFlavor.OPENLDAP,
        "dc=example,dc=com",
        null,
        connectTimeout,
        searchTimeout);
  }

  @Test
  void aSearchWithoutAnswerFailsAfterTheSearchTimeout() {
    LdapSourceConfig config =
        config(server.port(), false, Duration.ofSeconds(5), Duration.ofMillis(1500));

    long start = System.nanoTime();
    Throwable failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> catchThrowable(() -> new LdapDirectorySource(config).read()));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failure)
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
        .hasMessageContaining("user search")
        .hasMessageContaining("timeout (85)")
        .hasMessageContaining("did not answer within searchTimeout");
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.bytesReceived()).as("the search request reached the server").isPositive();
  }

  @Test
  void aBindWithoutAnswerFailsAfterTheSearchTimeoutWithoutShowingThePassword() {
    LdapSourceConfig config =
        config(server.port(), true, Duration.ofSeconds(5), Duration.ofMillis(1500));

    long start = System.nanoTime();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> new LdapDirectorySource(config).read())
                .isInstanceOfSatisfying(
                    SourceException.class,
                    e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE))
                .hasMessageContaining("bind as cn=svc,dc=example,dc=com failed")
                .hasMessageContaining("did not answer within searchTimeout")
                .message()
                .doesNotContain(PASSWORD));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void theConfiguredTimeoutsReachTheConnectionOptions() {
    LdapConnector connector =
        new LdapConnector(config(389, false, Duration.ofMillis(2345), Duration.ofSeconds(17)));

    LDAPConnectionOptions options = connector.options();

    assertThat(options.getConnectTimeoutMillis()).isEqualTo(2345);
    assertThat(options.getResponseTimeoutMillis()).isEqualTo(17_000);
    assertThat(options.followReferrals()).isFalse();
  }

  /** Accepts TCP connections on loopback, reads whatever arrives, never writes a byte. */
  private static final class SilentServer implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final Thread acceptor = new Thread(this::acceptAll, "silent-ldap-server");

    SilentServer() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return accepted.size();
    }

    long bytesReceived() {
      return received.get();
    }

    private void acceptAll() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          accepted.add(connection);
          Thread reader = new Thread(() -> drain(connection), "silent-ldap-reader");
          reader.setDaemon(true);
          reader.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void drain(Socket connection) {
      byte[] buffer = new byte[512];
      try (InputStream in = connection.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          received.addAndGet(n);
        }
      } catch (IOException e) {
        // the client or the test closed the connection
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : accepted) {
        connection.close();
      }
    }
  }
}
