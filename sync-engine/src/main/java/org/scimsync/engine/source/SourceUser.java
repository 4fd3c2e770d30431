package org.scimsync.engine.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.SourceEntry;

/**
 * A user read from the directory.
 *
 * @param key the stable key (entryUUID, objectGUID as a canonical GUID string, a CSV key column)
 * @param dn the distinguished name (LDIF, LDAP), null for CSV
 * @param attributes attribute name to values; use {@link Attributes} to build it (case-insensitive
 *     names; values are String or byte[])
 * @param groups names of the groups the user belongs to, nested groups flattened when configured,
 *     sorted ascending
 */
public record SourceUser(
    String key, @Nullable String dn, Map<String, List<Object>> attributes, List<String> groups)
    implements SourceEntry {

  public SourceUser {
    Objects.requireNonNull(key, "key");
    attributes = Attributes.copyOf(attributes);
    groups = List.copyOf(groups);
  }

  @Override
  public List<Object> values(String attribute) {
    return attributes.getOrDefault(attribute, List.of());
  }
}
