package org.scimsync.cli.config;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;

/**
 * Connection and search settings of an LDAP source: {@code source.ldap}.
 *
 * @param url {@code ldap://host:port} or {@code ldaps://host:port}
 * @param startTls upgrade an {@code ldap://} connection with StartTLS (default false)
 * @param bindDn the DN to bind as; null for an anonymous bind
 * @param bindPassword the bind password (a secret; required with bindDn)
 * @param flavor active-directory or openldap (default): sets the attribute defaults
 * @param userBase where users are searched
 * @param userFilter the user search filter; null for the flavor's default
 * @param groupBase where groups are searched; null for no groups
 * @param groupFilter the group search filter; null for the flavor's default
 * @param timeoutSeconds connect and response timeout (default 30)
 * @param trustStore a PKCS#12 trust store for the server's certificate; null for the JVM default
 * @param trustStorePassword the trust store's password (a secret), if it has one
 */
public record LdapSettings(
    URI url,
    Boolean startTls,
    @Nullable String bindDn,
    @Nullable Secret bindPassword,
    LdapFlavor flavor,
    String userBase,
    @Nullable String userFilter,
    @Nullable String groupBase,
    @Nullable String groupFilter,
    Integer timeoutSeconds,
    @Nullable Path trustStore,
    @Nullable Secret trustStorePassword) {

  /** Default timeout for connecting and for each response. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  public LdapSettings {
    if (url == null) {
      throw new ConfigValueException("url", "is required: ldap://host:port or ldaps://host:port");
    }
    String scheme =
        url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps") || url.getHost() == null) {
      throw new ConfigValueException(
          "url", "must be ldap://host[:port] or ldaps://host[:port], got '" + url + "'");
    }
    startTls = startTls != null && startTls;
    if (startTls && scheme.equals("ldaps")) {
      throw new ConfigValueException("startTls", "cannot be combined with an ldaps:// url");
    }
    ConfigChecks.requireNonBlankIfSet("bindDn", bindDn);
    if (bindDn != null && bindPassword == null) {
      throw new ConfigValueException("bindPassword", "is required with bindDn");
    }
    if (bindDn == null && bindPassword != null) {
      throw new ConfigValueException("bindDn", "is required with bindPassword");
    }
    flavor = flavor == null ? LdapFlavor.OPENLDAP : flavor;
    userBase = ConfigChecks.requireNonBlank("userBase", userBase, "the DN under which users live");
    ConfigChecks.requireNonBlankIfSet("userFilter", userFilter);
    ConfigChecks.requireNonBlankIfSet("groupBase", groupBase);
    ConfigChecks.requireNonBlankIfSet("groupFilter", groupFilter);
    timeoutSeconds =
        ConfigChecks.positiveOrDefault("timeoutSeconds", timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
    ConfigChecks.requireTrustStoreWithPassword(trustStore, trustStorePassword);
  }

  /** True for an {@code ldaps://} url. */
  public boolean ldaps() {
    return "ldaps".equalsIgnoreCase(url.getScheme());
  }
}
