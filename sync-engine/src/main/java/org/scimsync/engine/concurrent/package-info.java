/**
 * What the run's stages share to work in parallel and to stop on request: waiting on futures,
 * rethrowing a task's failure, and the exception of a run stopped by shutdown.
 */
@NullMarked
package org.scimsync.engine.concurrent;

import org.jspecify.annotations.NullMarked;
