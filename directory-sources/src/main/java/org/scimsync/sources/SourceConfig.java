package org.scimsync.sources;

import org.scimsync.engine.source.DirectorySource;

/**
 * The configuration of one directory source; {@link DirectorySources#create(SourceConfig)} turns it
 * into a {@link DirectorySource}.
 */
public sealed interface SourceConfig permits LdifSourceConfig, CsvSourceConfig, LdapSourceConfig {

  /** How member references to groups are treated. */
  NestedGroups nested();
}
