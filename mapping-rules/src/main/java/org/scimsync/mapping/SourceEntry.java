package org.scimsync.mapping;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A directory entry (user or group) as mapping expressions see it: {@code user.mail}, {@code
 * user.all('mail')}, {@code user.groups}, {@code user.dn}.
 *
 * <p>Attribute names are case-insensitive, as in LDAP. Values are {@link String}s, or {@code
 * byte[]} for binary attributes.
 */
public interface SourceEntry {

  /** The stable key of the entry in the source (entryUUID, objectGUID, a CSV key column, a DN). */
  String key();

  /** The distinguished name, for LDIF and LDAP entries; null for CSV. */
  @Nullable String dn();

  /** Every value of the attribute, in source order; empty when the entry does not have it. */
  List<Object> values(String attribute);

  /**
   * Names of the groups this entry is a member of (nested groups flattened when configured), sorted
   * by name in ascending order.
   */
  List<String> groups();
}
