/**
 * Details shared by the directory sources: converting LDAP entries into attribute maps, telling
 * binary values from text, rendering keys, and versioning the content of file sources.
 */
package org.scimsync.sources.read;
