package org.scimsync.client.internal;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ProxySettings;
import org.scimsync.common.Secret;

/**
 * Sends requests through the configured proxy, except to hosts its {@code noProxy} list names:
 * HttpClient then tunnels {@code https} with {@code CONNECT} and runs TLS end to end through the
 * connection manager's TLS strategy (trust store and host name verification unchanged). Proxy
 * credentials are scoped to the proxy's host and port, so they are never offered to a target.
 */
final class ProxyRouting implements Apache5HttpClientBuilderConfigurator {

  private final ProxySettings proxy;
  private final HttpHost proxyHost;

  ProxyRouting(ProxySettings proxy) {
    this.proxy = proxy;
    this.proxyHost = new HttpHost("http", proxy.host(), proxy.port());
  }

  @Override
  public HttpClientBuilder configure(HttpClientBuilder builder) {
    builder.setRoutePlanner(new Planner());
    String user = proxy.user();
    if (user != null) {
      Secret password = proxy.password();
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          new AuthScope(proxyHost),
          new UsernamePasswordCredentials(
              user, password == null ? new char[0] : password.reveal().toCharArray()));
      builder.setDefaultCredentialsProvider(credentials);
    }
    return builder;
  }

  /** The proxy for every target that {@code noProxy} does not name. */
  private final class Planner extends DefaultRoutePlanner {

    Planner() {
      super(DefaultSchemePortResolver.INSTANCE);
    }

    @Override
    protected @Nullable HttpHost determineProxy(HttpHost target, HttpContext context)
        throws HttpException {
      int port =
          target.getPort() >= 0
              ? target.getPort()
              : DefaultSchemePortResolver.INSTANCE.resolve(target);
      return proxy.bypasses(target.getHostName(), port) ? null : proxyHost;
    }
  }
}
