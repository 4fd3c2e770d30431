package org.scimsync.service.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;

/**
 * The {@code ui:} section: the status page of {@code scim-sync serve}, off unless present.
 *
 * <p>A person logs in with HTTP Basic as {@code user} with the password whose BCrypt hash is {@code
 * passwordHash} (as {@code htpasswd -nbB} writes it) or, instead of a hash, the password {@code
 * password} itself (a secret, from {@code ${NAME}} or {@code ${file:PATH}}); a script sends {@code
 * Authorization: Bearer} with {@code token}. At least one way in is required. Beyond loopback the
 * page is served only over TLS ({@code tls}), which then covers the whole listener, webhook
 * included.
 *
 * @param user the HTTP Basic user name; required with {@code passwordHash} or {@code password}
 * @param passwordHash the BCrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$})
 * @param password the password itself, instead of a hash
 * @param token a bearer token, for scripts and monitoring
 * @param tls the key store that makes the listener HTTPS; required when {@code webhook.listen} is
 *     not a loopback address
 */
public record UiConfig(
    @Nullable String user,
    @Nullable Secret passwordHash,
    @Nullable Secret password,
    @Nullable Secret token,
    @Nullable Tls tls) {

  /** The shortest password or token accepted. */
  public static final int MIN_SECRET_LENGTH = 12;

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  public UiConfig {
    if (passwordHash == null && password == null && token == null) {
      throw new ConfigValueException(
          "passwordHash",
          "the status page needs a way in: passwordHash (with user), password (with user) or"
              + " token");
    }
    if (passwordHash != null && password != null) {
      throw new ConfigValueException("password", "give either passwordHash or password, not both");
    }
    if ((passwordHash != null || password != null) && (user == null || user.isBlank())) {
      throw new ConfigValueException("user", "is required with passwordHash or password");
    }
    if (user != null && user.contains(":")) {
      throw new ConfigValueException("user", "must not contain ':' (HTTP Basic separates there)");
    }
    if (passwordHash != null && !BCRYPT.matcher(passwordHash.reveal().trim()).matches()) {
      throw new ConfigValueException(
          "passwordHash",
          "is not a BCrypt hash ($2y$12$ and 53 more characters, as `htpasswd -nbBC 12 \"\""
              + " PASSWORD | tr -d ':'` writes it); the value is not shown");
    }
    if (password != null && password.reveal().length() < MIN_SECRET_LENGTH) {
      throw new ConfigValueException(
          "password",
          "must be at least " + MIN_SECRET_LENGTH + " characters long (the value is not shown)");
    }
    if (token != null && token.reveal().length() < MIN_SECRET_LENGTH) {
      throw new ConfigValueException(
          "token",
          "must be at least " + MIN_SECRET_LENGTH + " characters long (the value is not shown)");
    }
  }

  /** A page for one user with this password (no hash): what {@code demo --serve} uses. */
  public static UiConfig withPassword(String user, Secret password) {
    return new UiConfig(user, null, password, null, null);
  }

  /**
   * Checks that the page may listen on {@code host}: a loopback address, or any address with TLS.
   *
   * @throws ConfigValueException naming {@code tls} otherwise
   */
  public void checkListen(String host) {
    if (tls != null || isLoopback(host)) {
      return;
    }
    throw new ConfigValueException(
        "tls",
        "the status page listens on webhook.listen host "
            + host
            + ", beyond loopback: configure ui.tls (keyStore, keyStorePassword) or listen on"
            + " 127.0.0.1");
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The {@code ui.tls} section: a PKCS#12 key store with the server's key and certificate chain.
   *
   * @param keyStore the PKCS#12 file
   * @param keyStorePassword its password (a secret)
   */
  public record Tls(Path keyStore, Secret keyStorePassword) {
    public Tls {
      if (keyStore == null) {
        throw new ConfigValueException("keyStore", "is required: a PKCS#12 file (.p12)");
      }
      if (keyStorePassword == null) {
        throw new ConfigValueException("keyStorePassword", "is required, e.g. ${file:PATH}");
      }
    }

    /**
     * The server's TLS context from the key store.
     *
     * @throws ConfigValueException naming {@code keyStore} when it cannot be read or holds no key
     */
    public SSLContext sslContext() {
      char[] password = keyStorePassword.reveal().toCharArray();
      try (InputStream in = Files.newInputStream(keyStore)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
      } catch (IOException | GeneralSecurityException e) {
        throw new ConfigValueException(
            "keyStore",
            "cannot use the PKCS#12 key store "
                + keyStore
                + " ("
                + e.getClass().getSimpleName()
                + "; a wrong keyStorePassword reads as a damaged file)");
      }
    }
  }
}
