package org.scimsync.engine.state;

/** The two kinds of object the engine manages in the target. */
public enum ObjectKind {
  USER,
  GROUP
}
