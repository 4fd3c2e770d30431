package org.scimsync.engine.state;

import org.jspecify.annotations.Nullable;

/** The state store could not be opened, migrated, read or written. */
public class StateStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
