/**
 * The engine's caches and their rules: the one way the run reaches the resources last pushed, the
 * mapping memo and the steady state of the {@link org.scimsync.engine.state.CacheStore} port. The
 * rule that matters most is a type: nothing writes to the target or the state store without a
 * {@link org.scimsync.engine.cache.WriteClearance}, and the only way to get one forgets the steady
 * state first.
 */
package org.scimsync.engine.cache;
