/**
 * The SQLite implementation of the state store: one file, migrated by Flyway, created owner-only,
 * with an operating-system lock for one run at a time.
 */
package org.scimsync.state.sqlite;
