/**
 * The sync engine's public API: {@link org.scimsync.engine.SyncEngine} reads the directory, maps
 * it, observes the target, plans, checks safety, applies and records. Plans and run reports are
 * data that render to text and JSON.
 */
package org.scimsync.engine;
