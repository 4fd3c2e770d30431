/** The LDIF directory source: one RFC 2849 file of content records, read as a stream. */
package org.scimsync.sources.ldif;
