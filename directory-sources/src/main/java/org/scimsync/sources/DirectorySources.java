package org.scimsync.sources;

import org.scimsync.engine.source.DirectorySource;
import org.scimsync.sources.csv.CsvDirectorySource;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldif.LdifDirectorySource;

/**
 * Creates the directory source the {@code source} section describes. This is the one entry point
 * the composition root needs; the adapters' constructors are public too, for tests and tools.
 */
public final class DirectorySources {

  private DirectorySources() {}

  /** The source that reads what {@code config} describes. Nothing is read until {@code read()}. */
  public static DirectorySource create(SourceConfig config) {
    return switch (config.type()) {
      case LDIF -> new LdifDirectorySource(config.ldifConfig());
      case CSV -> new CsvDirectorySource(config.csvConfig());
      case LDAP -> new LdapDirectorySource(config.ldapConfig());
    };
  }
}
