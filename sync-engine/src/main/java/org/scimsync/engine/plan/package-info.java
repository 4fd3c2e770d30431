/**
 * Planning: the desired state (source, scoping, mapping), the observed state (target and stored
 * state), and the pure {@link org.scimsync.engine.plan.Planner} that turns them into a {@link
 * org.scimsync.engine.plan.Plan} of ordered changes with reasons.
 */
package org.scimsync.engine.plan;
