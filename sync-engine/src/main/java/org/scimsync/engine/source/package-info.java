/**
 * The directory-source port and its snapshot model: a {@link
 * org.scimsync.engine.source.DirectorySource} reads the directory into a {@link
 * org.scimsync.engine.source.DirectorySnapshot} of users and groups with stable keys. The adapters
 * (LDIF, CSV, LDAP) live in the {@code directory-sources} module.
 */
@NullMarked
package org.scimsync.engine.source;

import org.jspecify.annotations.NullMarked;
