package org.scimsync.cli.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The directory to read: {@code source}. Exactly the sub-section of its {@link #type()} is set:
 * {@link #path()} for ldif, {@link #csv()} for csv, {@link #ldap()} for ldap.
 *
 * @param type ldif, csv or ldap
 * @param path the LDIF file (ldif only), resolved against the configuration's directory
 * @param csv the CSV files (csv only)
 * @param ldap the LDAP connection and search settings (ldap only)
 * @param users how users are keyed
 * @param groups how groups are keyed and nested groups treated
 */
public record SourceConfig(
    SourceType type,
    @Nullable Path path,
    @Nullable CsvFiles csv,
    @Nullable LdapSettings ldap,
    UserKeys users,
    GroupSettings groups) {

  public SourceConfig {
    if (type == null) {
      throw new ConfigValueException("type", "is required: ldif | csv | ldap");
    }
    users = users == null ? new UserKeys(null) : users;
    groups = groups == null ? new GroupSettings(null, null) : groups;
    requireOnlyFor(type, SourceType.LDIF, "path", path);
    requireOnlyFor(type, SourceType.CSV, "csv", csv);
    requireOnlyFor(type, SourceType.LDAP, "ldap", ldap);
  }

  private static void requireOnlyFor(
      SourceType type, SourceType owner, String key, @Nullable Object value) {
    if (type == owner && value == null) {
      throw new ConfigValueException(key, "is required for source type " + owner.configName());
    }
    if (type != owner && value != null) {
      throw new ConfigValueException(
          key,
          "is only used with source type "
              + owner.configName()
              + " (this source is "
              + type.configName()
              + ")");
    }
  }

  /**
   * How source users are keyed: {@code source.users}.
   *
   * @param key the attribute (or CSV column) holding the stable key; null for the source's default
   *     (entryUUID, objectGUID on Active Directory, dn for LDIF without it)
   */
  public record UserKeys(@Nullable String key) {
    public UserKeys {
      ConfigChecks.requireNonBlankIfSet("key", key);
    }
  }

  /**
   * How source groups are keyed and nested: {@code source.groups}.
   *
   * @param key the attribute (or CSV column) holding the stable key; null for the default
   * @param nested flatten (default) or ignore
   */
  public record GroupSettings(@Nullable String key, NestedGroups nested) {
    public GroupSettings {
      ConfigChecks.requireNonBlankIfSet("key", key);
      nested = nested == null ? NestedGroups.FLATTEN : nested;
    }
  }

  /**
   * The CSV files of a csv source: {@code source.csv}.
   *
   * @param users users file: a header row, one user per line
   * @param groups groups file: header row, then group key, group name, member key per line
   */
  public record CsvFiles(Path users, @Nullable Path groups) {
    public CsvFiles {
      if (users == null) {
        throw new ConfigValueException("users", "is required: the users CSV file");
      }
    }
  }
}
