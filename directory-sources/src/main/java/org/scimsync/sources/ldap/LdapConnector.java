package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated connection as {@link LdapSourceConfig} says: {@code ldaps://} or {@code
 * ldap://} with optional StartTLS, the JVM's or a configured trust store, host-name verification,
 * connect and response timeouts, no referral following, then a simple bind. The configured servers
 * are tried in order: one that cannot be reached (or is busy) makes way for the next; one that
 * answers and refuses (a wrong password, a TLS or bind policy) stops, since the next server of the
 * same directory would refuse too.
 */
public final class LdapConnector {

  private static final Logger log = LoggerFactory.getLogger(LdapConnector.class);

  /** Result codes that say "this server, not the directory, cannot serve now": try the next. */
  private static final List<ResultCode> NEXT_SERVER =
      List.of(
          ResultCode.CONNECT_ERROR,
          ResultCode.SERVER_DOWN,
          ResultCode.TIMEOUT,
          ResultCode.UNAVAILABLE,
          ResultCode.BUSY);

  private final LdapSourceConfig config;
  private final List<LDAPURL> urls;

  public LdapConnector(LdapSourceConfig config) {
    this.config = config;
    List<LDAPURL> parsed = new ArrayList<>();
    for (String text : config.urls()) {
      parsed.add(parse(text));
    }
    this.urls = List.copyOf(parsed);
  }

  private LDAPURL parse(String text) {
    LDAPURL url;
    try {
      url = new LDAPURL(text);
    } catch (LDAPException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          "source url " + text + " is not an LDAP URL: " + e.getDiagnosticMessage(),
          e);
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT, "source url " + text + ": use ldap:// or ldaps://");
    }
    if (config.startTls() && scheme.equals("ldaps")) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          "source url " + text + ": startTls is for ldap:// URLs; ldaps:// is already TLS");
    }
    return url;
  }

  /** The first server as shown in messages: scheme, host and port. */
  public String server() {
    return server(urls.get(0));
  }

  private static String server(LDAPURL url) {
    return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
  }

  /**
   * The options of every connection: the connect timeout, {@code searchTimeout} as the time any
   * response (bind, StartTLS, each search page) may take, no referrals, host-name verification.
   */
  public LDAPConnectionOptions options() {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(millis(config.connectTimeout().toMillis()));
    options.setResponseTimeoutMillis(config.searchTimeout().toMillis());
    options.setFollowReferrals(false);
    options.setUseSynchronousMode(true);
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    return options;
  }

  /** A connection to the first server that connects and binds; the caller closes it. */
  public BoundConnection connect() {
    return connect(options());
  }

  /**
   * Like {@link #connect()}, for a long-running search whose results arrive while the caller does
   * other things (a persistent search): the connection reads responses in a thread of its own, and
   * requests carry their own response timeouts.
   */
  public BoundConnection connectForStreaming() {
    LDAPConnectionOptions options = options();
    options.setUseSynchronousMode(false);
    return connect(options);
  }

  private BoundConnection connect(LDAPConnectionOptions options) {
    List<SourceException> failures = new ArrayList<>();
    for (LDAPURL url : urls) {
      try {
        return new BoundConnection(connect(url, options), server(url));
      } catch (ServerUnavailable e) {
        failures.add(e.failure);
        if (urls.size() > 1) {
          log.warn(
              "source={} unavailable, trying the next server: {}", server(url), e.getMessage());
        }
      }
    }
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    StringBuilder message = new StringBuilder("no LDAP server could be reached:");
    for (SourceException failure : failures) {
      message.append("\n  ").append(failure.getMessage());
    }
    SourceException all =
        new SourceException(SourceException.Kind.UNAVAILABLE, message.toString(), failures.get(0));
    failures.stream().skip(1).forEach(all::addSuppressed);
    throw all;
  }

  /** An open, bound connection and the server it reached. */
  public record BoundConnection(LDAPConnection connection, String server) implements AutoCloseable {
    @Override
    public void close() {
      connection.close();
    }
  }

  private LDAPConnection connect(LDAPURL url, LDAPConnectionOptions options) {
    String server = server(url);
    boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
    LDAPConnection connection;
    try {
      connection =
          ldaps
              ? new LDAPConnection(
                  tls(server).createSSLSocketFactory(), options, url.getHost(), url.getPort())
              : new LDAPConnection(options, url.getHost(), url.getPort());
    } catch (LDAPException e) {
      throw failure(server, "connect", e);
    } catch (GeneralSecurityException e) {
      throw tlsSetup(server, e);
    }
    try {
      if (config.startTls()) {
        startTls(server, connection);
      } else if (!ldaps && config.bindPassword() != null && !isLoopback(url)) {
        log.warn(
            "source={} the bind password is sent unencrypted; use ldaps:// or startTls: true",
            server);
      }
      bind(server, connection);
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private void startTls(String server, LDAPConnection connection) {
    try {
      ExtendedResult result =
          connection.processExtendedOperation(
              new StartTLSExtendedRequest(tls(server).createSSLContext()));
      if (result.getResultCode() != ResultCode.SUCCESS) {
        throw failure(server, "StartTLS", new LDAPException(result));
      }
    } catch (LDAPException e) {
      throw failure(server, "StartTLS", e);
    } catch (GeneralSecurityException e) {
      throw tlsSetup(server, e);
    }
  }

  private void bind(String server, LDAPConnection connection) {
    if (config.bindDn() == null) {
      return;
    }
    Secret password = Objects.requireNonNull(config.bindPassword(), "bindPassword");
    try {
      connection.bind(new SimpleBindRequest(config.bindDn(), password.reveal()));
    } catch (LDAPException e) {
      throw failure(server, "bind as " + config.bindDn(), e);
    }
  }

  /** The failure to report; one that another server might not have is {@link ServerUnavailable}. */
  private static RuntimeException failure(String server, String what, LDAPException e) {
    SourceException failure = LdapFailures.of(server, what, e);
    return NEXT_SERVER.contains(e.getResultCode()) ? new ServerUnavailable(failure) : failure;
  }

  private static SourceException tlsSetup(String server, GeneralSecurityException e) {
    return new SourceException(
        SourceException.Kind.INVALID_INPUT, server + ": TLS setup failed: " + e.getMessage(), e);
  }

  private SSLUtil tls(String server) {
    TrustManager trust;
    if (config.trustStore() == null) {
      trust = JVMDefaultTrustManager.getInstance();
    } else {
      if (!Files.isReadable(config.trustStore())) {
        throw new SourceException(
            SourceException.Kind.INVALID_INPUT,
            server + ": trust store " + config.trustStore() + " does not exist or cannot be read");
      }
      Secret password = config.trustStorePassword();
      trust =
          new TrustStoreTrustManager(
              config.trustStore().toFile(),
              password == null ? null : password.reveal().toCharArray(),
              null,
              true);
    }
    return new SSLUtil(trust);
  }

  private static boolean isLoopback(LDAPURL url) {
    try {
      return InetAddress.getByName(url.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static int millis(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
  }

  /** A server that could not serve: the next one is tried. */
  private static final class ServerUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceException failure;

    ServerUnavailable(SourceException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }
}
