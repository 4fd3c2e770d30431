package org.scimsync.sources;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigValueException;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.csv.CsvSourceConfig;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldif.LdifOptions;
import org.scimsync.sources.ldif.LdifSourceConfig;

/**
 * The directory to read: the {@code source} section of the configuration file, bound as it is
 * written. Exactly the sub-section of its {@link #type()} is set: {@link #path()} (and optionally
 * {@link #ldif()}) for ldif, {@link #csv()} for csv, {@link #ldap()} for ldap. The keys and the
 * nesting rule apply to every type; {@link DirectorySources#create} hands them to the adapter.
 *
 * @param type ldif, csv or ldap
 * @param path the LDIF file (ldif only), resolved against the configuration's directory
 * @param ldif which entries of the LDIF file are users and groups (ldif only; optional)
 * @param csv the CSV files and their columns (csv only)
 * @param ldap the LDAP connection and search settings (ldap only)
 * @param users how users are keyed
 * @param groups how groups are keyed and nested groups treated
 */
public record SourceConfig(
    SourceType type,
    @Nullable Path path,
    @Nullable LdifOptions ldif,
    @Nullable CsvSourceConfig csv,
    @Nullable LdapSourceConfig ldap,
    UserKeys users,
    GroupSettings groups) {

  public SourceConfig {
    if (type == null) {
      throw new ConfigValueException("type", "is required: ldif | csv | ldap");
    }
    users = users == null ? new UserKeys(null) : users;
    groups = groups == null ? new GroupSettings(null, null) : groups;
    requireOnlyFor(type, SourceType.LDIF, "path", path);
    if (type != SourceType.LDIF && ldif != null) {
      requireOnlyFor(type, SourceType.LDIF, "ldif", ldif);
    }
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

  /** The LDIF adapter's settings (type ldif). */
  LdifSourceConfig ldifConfig() {
    LdifOptions options = ldif == null ? LdifOptions.defaults() : ldif;
    return new LdifSourceConfig(
        require(path, "path"),
        users.key(),
        groups.key(),
        groups.nested(),
        options.userObjectClasses(),
        options.groupObjectClasses(),
        options.memberAttributes(),
        options.groupNameAttribute());
  }

  /** The CSV adapter's settings (type csv). */
  CsvSourceConfig csvConfig() {
    return require(csv, "csv").withKeys(users.key(), groups.nested());
  }

  /** The LDAP adapter's settings (type ldap). */
  LdapSourceConfig ldapConfig() {
    return require(ldap, "ldap").withKeys(users.key(), groups.key(), groups.nested());
  }

  private <T> T require(@Nullable T value, String key) {
    if (value == null) {
      throw new ConfigValueException(key, "is required for source type " + type.configName());
    }
    return value;
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
}
