package org.scimsync.sources;

/** What a group that is a member of another group means for the outer group's members. */
public enum NestedGroups {
  /**
   * The users of a nested group are members of the outer group too, at any depth; cycles are
   * harmless and each user is listed once.
   */
  FLATTEN,
  /** Only direct user members count; nested groups contribute no members. */
  IGNORE
}
