/**
 * The directory-source port and its snapshot model. {@link
 * org.scimsync.engine.source.DirectorySources#create(SourceConfig)} builds a source from one of the
 * configuration records ({@link org.scimsync.engine.source.LdifSourceConfig}, {@link
 * org.scimsync.engine.source.CsvSourceConfig}, {@link
 * org.scimsync.engine.source.LdapSourceConfig}); the adapters live in the {@code ldif}, {@code csv}
 * and {@code ldap} sub-packages and share the {@link org.scimsync.engine.source.SnapshotAssembler},
 * so membership, nesting and duplicate-key rules are the same for every source.
 */
package org.scimsync.engine.source;
