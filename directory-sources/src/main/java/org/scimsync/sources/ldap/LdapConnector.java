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
import javax.net.ssl.TrustManager;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated connection as {@link LdapSourceConfig} says: {@code ldaps://} or {@code
 * ldap://} with optional StartTLS, the JVM's or a configured trust store, host-name verification,
 * connect and response timeouts, no referral following, then a simple bind.
 */
final class LdapConnector {

  private static final Logger log = LoggerFactory.getLogger(LdapConnector.class);

  private final LdapSourceConfig config;
  private final LDAPURL url;

  LdapConnector(LdapSourceConfig config) {
    this.config = config;
    try {
      this.url = new LDAPURL(config.url());
    } catch (LDAPException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          "source url " + config.url() + " is not an LDAP URL: " + e.getDiagnosticMessage(),
          e);
    }
    String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          "source url " + config.url() + ": use ldap:// or ldaps://");
    }
    if (config.startTls() && scheme.equals("ldaps")) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          "source url " + config.url() + ": startTls is for ldap:// URLs; ldaps:// is already TLS");
    }
  }

  /** The server as shown in messages: scheme, host and port. */
  String server() {
    return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
  }

  /**
   * The options of every connection: the connect timeout, {@code searchTimeout} as the time any
   * response (bind, StartTLS, each search page) may take, no referrals, host-name verification.
   */
  LDAPConnectionOptions options() {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(millis(config.connectTimeout().toMillis()));
    options.setResponseTimeoutMillis(config.searchTimeout().toMillis());
    options.setFollowReferrals(false);
    options.setUseSynchronousMode(true);
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    return options;
  }

  /** A connected and bound connection; the caller closes it. */
  LDAPConnection connect() {
    LDAPConnectionOptions options = options();
    boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
    LDAPConnection connection;
    try {
      connection =
          ldaps
              ? new LDAPConnection(
                  tls().createSSLSocketFactory(), options, url.getHost(), url.getPort())
              : new LDAPConnection(options, url.getHost(), url.getPort());
    } catch (LDAPException e) {
      throw LdapFailures.of(server(), "connect", e);
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          server() + ": TLS setup failed: " + e.getMessage(),
          e);
    }
    try {
      if (config.startTls()) {
        startTls(connection);
      } else if (!ldaps && config.bindPassword() != null && !isLoopback()) {
        log.warn(
            "source={} the bind password is sent unencrypted; use ldaps:// or startTls: true",
            server());
      }
      bind(connection);
      return connection;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private void startTls(LDAPConnection connection) {
    try {
      ExtendedResult result =
          connection.processExtendedOperation(
              new StartTLSExtendedRequest(tls().createSSLContext()));
      if (result.getResultCode() != ResultCode.SUCCESS) {
        throw LdapFailures.of(server(), "StartTLS", new LDAPException(result));
      }
    } catch (LDAPException e) {
      throw LdapFailures.of(server(), "StartTLS", e);
    } catch (GeneralSecurityException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          server() + ": TLS setup failed: " + e.getMessage(),
          e);
    }
  }

  private void bind(LDAPConnection connection) {
    if (config.bindDn() == null) {
      return;
    }
    Secret password = java.util.Objects.requireNonNull(config.bindPassword(), "bindPassword");
    try {
      connection.bind(new SimpleBindRequest(config.bindDn(), password.reveal()));
    } catch (LDAPException e) {
      throw LdapFailures.of(server(), "bind as " + config.bindDn(), e);
    }
  }

  private SSLUtil tls() {
    TrustManager trust;
    if (config.trustStore() == null) {
      trust = JVMDefaultTrustManager.getInstance();
    } else {
      if (!Files.isReadable(config.trustStore())) {
        throw new SourceException(
            SourceException.Kind.INVALID_INPUT,
            "trust store " + config.trustStore() + " does not exist or cannot be read");
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

  private boolean isLoopback() {
    try {
      return InetAddress.getByName(url.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static int millis(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
  }
}
