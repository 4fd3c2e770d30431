/**
 * Details of a run behind {@link org.scimsync.engine.SyncEngine}: observing the target, and the
 * SHA-256 digests of fingerprints and versions.
 */
package org.scimsync.engine.internal;
