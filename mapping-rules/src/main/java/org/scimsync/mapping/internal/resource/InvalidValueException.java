package org.scimsync.mapping.internal.resource;

/** An expression result does not fit its target attribute; the entry is rejected. */
public final class InvalidValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidValueException(String message) {
    super(message, null, false, false);
  }
}
