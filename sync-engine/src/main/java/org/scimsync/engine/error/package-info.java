/**
 * The engine's exception: a run that could not be carried out, with the {@link
 * org.scimsync.engine.error.ErrorKind} the command line maps to an exit code. Every stage may throw
 * it, so it depends on nothing else in the engine.
 */
package org.scimsync.engine.error;
