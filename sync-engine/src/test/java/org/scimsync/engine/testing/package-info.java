/** Test doubles of the engine's ports: an in-memory state store, a list source, a simple mapper. */
package org.scimsync.engine.testing;
