package org.scimsync.sources;

import java.util.function.Consumer;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.sources.csv.CsvDirectorySource;
import org.scimsync.sources.ldap.changes.DirectoryChanged;
import org.scimsync.sources.ldap.changes.LdapChangeReader;
import org.scimsync.sources.ldap.changes.LdapWatch;
import org.scimsync.sources.ldap.changes.TrackedLdapSource;
import org.scimsync.sources.ldap.changes.WatchSettings;
import org.scimsync.sources.ldif.LdifDirectorySource;

/**
 * Creates the directory source the {@code source} section describes. This is the one entry point
 * the composition root needs; the adapters' constructors are public too, for tests and tools.
 */
public final class DirectorySources {

  private DirectorySources() {}

  /**
   * The source that reads what {@code config} describes. Nothing is read until {@code read()}. An
   * LDAP source keeps track of its changes, so that incremental runs read only what changed.
   */
  public static DirectorySource create(SourceConfig config) {
    return switch (config.type()) {
      case LDIF -> new LdifDirectorySource(config.ldifConfig());
      case CSV -> new CsvDirectorySource(config.csvConfig());
      case LDAP -> new TrackedLdapSource(config.ldapConfig());
    };
  }

  /** Whether the source can be watched for changes ({@code schedule.watch}): LDAP sources. */
  public static boolean canWatch(SourceConfig config) {
    return config.type() == SourceType.LDAP;
  }

  /**
   * Starts watching the directory {@code config} describes; {@code listener} hears of each burst of
   * changes. Close the watch to stop.
   *
   * @throws IllegalArgumentException when the source cannot be watched ({@link #canWatch})
   */
  public static LdapWatch watch(
      SourceConfig config, WatchSettings settings, Consumer<DirectoryChanged> listener) {
    if (!canWatch(config)) {
      throw new IllegalArgumentException(
          "only an ldap source can be watched, not " + config.type().configName());
    }
    return LdapWatch.start(config.ldapConfig(), settings, listener);
  }

  /**
   * The change reader of an LDAP source (what changed since a checkpoint), for the engine's
   * incremental runs.
   *
   * @throws IllegalArgumentException when the source is not an LDAP source
   */
  public static LdapChangeReader changeReader(SourceConfig config) {
    if (config.type() != SourceType.LDAP) {
      throw new IllegalArgumentException(
          "only an ldap source reads changes, not " + config.type().configName());
    }
    return new LdapChangeReader(config.ldapConfig());
  }
}
