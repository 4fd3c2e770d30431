/**
 * The directory-source port and its snapshot model; adapters for LDIF, CSV and LDAP live in
 * sub-packages.
 */
package org.scimsync.engine.source;
