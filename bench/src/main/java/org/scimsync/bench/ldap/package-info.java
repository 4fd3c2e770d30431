/**
 * Benchmarks against a real OpenLDAP {@code slapd}: what an incremental read of the directory's
 * changes costs next to a full read, counted by the server.
 */
package org.scimsync.bench.ldap;
