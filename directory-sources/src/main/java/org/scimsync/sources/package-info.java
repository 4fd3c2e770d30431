/**
 * The adapters of the engine's {@link org.scimsync.engine.source.DirectorySource} port: one
 * configuration record per kind of directory (LDIF, CSV, LDAP), and {@link
 * org.scimsync.sources.DirectorySources#create} to turn one into a source.
 */
@NullMarked
package org.scimsync.sources;

import org.jspecify.annotations.NullMarked;
