/**
 * Implementation of service mode: the run coordinator (one run at a time, coalescing, one
 * follow-up), the Quartz schedule, the HTTP endpoints and the webhook's replay guard.
 */
@NullMarked
package org.scimsync.service.internal;

import org.jspecify.annotations.NullMarked;
