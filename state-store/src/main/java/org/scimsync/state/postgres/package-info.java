/**
 * The PostgreSQL implementation of the state store, for several instances sharing one database: the
 * same schema history as SQLite's, and a session advisory lock for one run at a time.
 */
package org.scimsync.state.postgres;
