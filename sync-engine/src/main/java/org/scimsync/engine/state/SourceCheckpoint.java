package org.scimsync.engine.state;

import java.util.Objects;

/**
 * Where the next change read of the directory continues, and the inputs it was taken under (the
 * source, the rules, the policy): a checkpoint taken under other inputs is never used, since the
 * objects it says nothing about might map differently now. A cache only: losing it costs one full
 * read.
 *
 * @param inputs the fingerprint of the inputs
 * @param checkpoint the source's opaque checkpoint
 */
public record SourceCheckpoint(String inputs, String checkpoint) {

  public SourceCheckpoint {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
