/**
 * The LDAP and Active Directory source: paged searches, AD range retrieval, TLS with verification,
 * with UnboundID's LDAP SDK.
 */
package org.scimsync.sources.ldap;
