package org.scimsync.service;

/**
 * The answer to an accepted trigger. The run that serves it has not started yet (its run id does
 * not exist before the engine records the run), so the service hands out a trigger id; {@code GET
 * /triggers/{id}} tells which run served it once that run has started.
 *
 * @param triggerId the service-local id of this trigger, increasing from 1 since the start
 * @param merged true when the trigger joined a run that was already pending (coalesced), false when
 *     it opened a new pending run
 */
public record TriggerReceipt(long triggerId, boolean merged) {}
