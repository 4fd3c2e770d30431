package org.scimsync.engine.cache;

/**
 * Proof that a run may write to the target and the state store: it exists only once the steady
 * state was forgotten ({@link RunCaches#clearForWriting()}), so that no later run can rely on a
 * steady state this run's writes made untrue. Every writer of a run asks for one: applying changes,
 * recording link updates and the memo, repairing the journal.
 */
public final class WriteClearance {

  private final long serial;

  WriteClearance(long serial) {
    this.serial = serial;
  }

  @Override
  public String toString() {
    return "WriteClearance[" + serial + "]";
  }
}
