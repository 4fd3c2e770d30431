/**
 * Observing the target: listing its users and groups (full runs) or trusting the state store for
 * objects whose content did not change (incremental runs), into the {@link
 * org.scimsync.engine.plan.ObservedState} the planner compares with the desired state.
 */
@NullMarked
package org.scimsync.engine.observe;

import org.jspecify.annotations.NullMarked;
