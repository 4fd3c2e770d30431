/**
 * Details shared by the directory sources: converting LDAP entries into attribute maps, telling
 * binary values from text, and rendering keys.
 */
package org.scimsync.engine.source.internal;
