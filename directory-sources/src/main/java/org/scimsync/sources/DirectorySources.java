package org.scimsync.sources;

import org.scimsync.engine.source.DirectorySource;
import org.scimsync.sources.csv.CsvDirectorySource;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldif.LdifDirectorySource;

/**
 * Creates the directory source for a configuration. This is the one entry point the composition
 * root needs; the adapters' constructors are public too, for tests and tools.
 */
public final class DirectorySources {

  private DirectorySources() {}

  /** The source that reads what {@code config} describes. Nothing is read until {@code read()}. */
  public static DirectorySource create(SourceConfig config) {
    if (config instanceof LdifSourceConfig ldif) {
      return new LdifDirectorySource(ldif);
    }
    if (config instanceof CsvSourceConfig csv) {
      return new CsvDirectorySource(csv);
    }
    if (config instanceof LdapSourceConfig ldap) {
      return new LdapDirectorySource(ldap);
    }
    throw new IllegalArgumentException("unknown source configuration " + config.getClass());
  }
}
