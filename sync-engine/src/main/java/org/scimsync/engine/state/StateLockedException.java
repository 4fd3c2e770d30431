package org.scimsync.engine.state;

/** Another live run holds the lock of this state store. */
public class StateLockedException extends StateStoreException {

  private static final long serialVersionUID = 1L;

  public StateLockedException(String message) {
    super(message, null);
  }
}
