/**
 * The state-store port: links, content hashes, pushed memberships, run history and the change
 * journal. The SQLite implementation lives in {@code state.sqlite}.
 */
package org.scimsync.engine.state;
