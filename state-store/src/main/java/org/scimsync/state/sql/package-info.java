/**
 * What the SQLite and PostgreSQL state stores share: the tables and their statements, the
 * transactions on one connection, and the Flyway migrations of both databases (one history).
 */
package org.scimsync.state.sql;
