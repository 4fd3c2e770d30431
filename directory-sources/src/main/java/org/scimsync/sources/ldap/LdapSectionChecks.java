package org.scimsync.sources.ldap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigValueException;

/**
 * Checks of the {@code source.ldap} keys that take one value or a list ({@code url}, {@code
 * userBase}, {@code groupBase}); each failure is a {@link ConfigValueException} naming the key.
 */
final class LdapSectionChecks {

  private LdapSectionChecks() {}

  static List<String> urls(@Nullable List<URI> urls, boolean startTls) {
    if (urls == null || urls.isEmpty()) {
      throw new ConfigValueException(
          "url", "is required: ldap://host:port or ldaps://host:port (or a list, tried in turn)");
    }
    List<String> servers = new ArrayList<>(urls.size());
    for (URI url : urls) {
      String scheme =
          url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("ldap") && !scheme.equals("ldaps") || url.getHost() == null) {
        throw new ConfigValueException(
            "url", "must be ldap://host[:port] or ldaps://host[:port], got '" + url + "'");
      }
      if (startTls && scheme.equals("ldaps")) {
        throw new ConfigValueException("startTls", "cannot be combined with an ldaps:// url");
      }
      servers.add(url.toString());
    }
    return servers;
  }

  static List<String> bases(String key, List<String> bases) {
    if (bases.isEmpty() || bases.stream().anyMatch(b -> b == null || b.isBlank())) {
      throw new ConfigValueException(key, "must name at least one DN, and no empty one");
    }
    List<String> trimmed = bases.stream().map(String::trim).toList();
    if (trimmed.size() > 1
        && trimmed.stream()
            .anyMatch(b -> b.indexOf(',') < 0 && b.regionMatches(true, 0, "dc=", 0, 3))) {
      throw new ConfigValueException(
          key,
          "looks like DNs split at their commas ("
              + String.join(" | ", trimmed)
              + "): in a YAML [a, b] list a comma separates items, so write one base per line"
              + " (- OU=Staff,DC=example,DC=com) or quote each DN");
    }
    return trimmed;
  }
}
