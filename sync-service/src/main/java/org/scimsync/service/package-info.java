/**
 * Service mode ({@code scim-sync serve}): runs on a Quartz schedule and on a signed webhook, never
 * two at once, and answers health, readiness, metrics and run-history requests over HTTP. It
 * reaches the engine only through the {@link org.scimsync.service.RunLauncher} port, so the
 * composition root decides what a run is.
 */
@NullMarked
package org.scimsync.service;

import org.jspecify.annotations.NullMarked;
