package org.scimsync.engine.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.SourceEntry;

/**
 * A group read from the directory.
 *
 * @param key the stable key of the group
 * @param name the group's name (cn, or the CSV group-name column); what {@code user.groups} lists
 * @param dn the distinguished name (LDIF, LDAP), null for CSV
 * @param attributes attribute name to values (case-insensitive names; String or byte[] values)
 * @param memberKeys keys of the member users: direct members, plus the members of nested groups
 *     when {@code nested: flatten}; each key once, in a stable order. Members that are not users of
 *     this snapshot are not listed.
 * @param groups names of the groups this group is itself a member of, sorted ascending
 */
public record SourceGroup(
    String key,
    String name,
    @Nullable String dn,
    Map<String, List<Object>> attributes,
    List<String> memberKeys,
    List<String> groups)
    implements SourceEntry {

  public SourceGroup {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    attributes = Attributes.copyOf(attributes);
    memberKeys = List.copyOf(memberKeys);
    groups = List.copyOf(groups);
  }

  @Override
  public List<Object> values(String attribute) {
    return attributes.getOrDefault(attribute, List.of());
  }
}
