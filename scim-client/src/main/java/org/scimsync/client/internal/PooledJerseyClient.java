package org.scimsync.client.internal;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ProxySettings;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.common.Secret;

/**
 * Builds the Jersey client: Apache HttpClient 5 connector with a pooled connection manager of
 * {@link ScimClientConfig#maxConcurrency()} connections, connect and read timeouts, TLS
 * verification always on (custom trust store optional), the proxy if one is configured, and
 * HttpClient's own retries switched off so every attempt goes through the client's retry policy and
 * listener.
 */
final class PooledJerseyClient {

  private PooledJerseyClient() {}

  static Client create(ScimClientConfig config) {
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext(config)))
            // the cap on requests in flight (target.maxConcurrency); one route in practice
            .setMaxConnPerRoute(config.maxConcurrency())
            .setMaxConnTotal(config.maxConcurrency())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .setSocketTimeout(Timeout.ofMilliseconds(config.readTimeout().toMillis()))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .build())
            .build();
    ClientConfig jersey = new ClientConfig();
    jersey.connectorProvider(new Apache5ConnectorProvider());
    jersey.property(Apache5ClientProperties.CONNECTION_MANAGER, connections);
    jersey.property(
        Apache5ClientProperties.RETRY_STRATEGY,
        new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS));
    jersey.property(Apache5ClientProperties.DISABLE_COOKIES, true);
    jersey.property(
        ClientProperties.CONNECT_TIMEOUT,
        (int) Math.min(config.connectTimeout().toMillis(), Integer.MAX_VALUE));
    jersey.property(
        ClientProperties.READ_TIMEOUT,
        (int) Math.min(config.readTimeout().toMillis(), Integer.MAX_VALUE));
    jersey.property(ClientProperties.FOLLOW_REDIRECTS, false);
    ProxySettings proxy = config.proxy();
    if (proxy != null) {
      jersey.register(new ProxyRouting(proxy));
    }
    // SCIM bodies are small: send them with Content-Length. Gateways, proxies and some SCIM
    // endpoints refuse or mangle chunked request bodies.
    jersey.property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED);
    return ClientBuilder.newClient(jersey);
  }

  private static SSLContext sslContext(ScimClientConfig config) {
    Path trustStore = config.trustStore();
    try {
      if (trustStore == null) {
        return SSLContext.getDefault();
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(trustStore, config.trustStorePassword()));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "target.trustStore " + trustStore + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path file, @Nullable Secret password)
      throws GeneralSecurityException {
    char[] chars = password == null ? null : password.reveal().toCharArray();
    for (String type : new String[] {"PKCS12", "JKS"}) {
      try (InputStream in = Files.newInputStream(file)) {
        KeyStore store = KeyStore.getInstance(type);
        store.load(in, chars);
        return store;
      } catch (IOException | GeneralSecurityException e) {
        if (type.equals("JKS")) {
          throw new IllegalArgumentException(
              "target.trustStore "
                  + file
                  + " cannot be read as PKCS12 or JKS (wrong password or not a trust store): "
                  + e.getClass().getSimpleName(),
              e);
        }
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
