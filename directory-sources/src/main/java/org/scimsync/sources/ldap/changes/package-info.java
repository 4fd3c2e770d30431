/**
 * Reading only what changed in an LDAP directory or Active Directory since a checkpoint (RFC 4533
 * content synchronization against OpenLDAP's {@code syncprov}, {@code entryCSN} where it is absent,
 * {@code uSNChanged} and the Deleted Objects container of one Active Directory domain controller),
 * and watching a directory for changes (refreshAndPersist, or polling the same marks). Start at
 * {@link org.scimsync.sources.ldap.changes.LdapChangeReader} and {@link
 * org.scimsync.sources.ldap.changes.LdapWatch}.
 */
@NullMarked
package org.scimsync.sources.ldap.changes;

import org.jspecify.annotations.NullMarked;
