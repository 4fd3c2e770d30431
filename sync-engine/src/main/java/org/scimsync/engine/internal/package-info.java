/** Details of a run behind {@link org.scimsync.engine.SyncEngine}: observing the target. */
package org.scimsync.engine.internal;
