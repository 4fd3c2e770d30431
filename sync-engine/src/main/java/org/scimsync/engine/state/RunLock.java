package org.scimsync.engine.state;

/** The held one-run-at-a-time lock; closing it releases the lock. */
public interface RunLock extends AutoCloseable {
  @Override
  void close();
}
