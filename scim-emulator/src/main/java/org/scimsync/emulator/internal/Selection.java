package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/** Which resources a list request selects. */
public sealed interface Selection {

  /** An indexed attribute a filter can select on. */
  enum Field {
    /** {@code id} (users and groups). */
    ID,
    /** {@code userName}, case-insensitive. */
    USER_NAME,
    /** {@code externalId}, case-exact. */
    EXTERNAL_ID,
    /** {@code groups.value} of a user: the user is a member of that group. */
    GROUP,
    /** enterprise {@code manager.value} of a user. */
    MANAGER,
    /** {@code displayName} of a group, case-insensitive. */
    DISPLAY_NAME,
    /** {@code members.value} of a group: the group has that member. */
    MEMBER
  }

  /**
   * {@code field eq value}.
   *
   * @param field the attribute
   * @param value the compared value
   */
  record Term(Field field, String value) {}

  /** Everything. */
  record All() implements Selection {}

  /**
   * A conjunction of {@code eq} terms answered from the indexes.
   *
   * @param terms the terms, all of which must hold
   */
  record Terms(List<Term> terms) implements Selection {
    /** Copies the terms. */
    public Terms {
      terms = List.copyOf(terms);
    }
  }

  /**
   * Any filter, evaluated on each resource's JSON (lenient profile only; O(total)).
   *
   * @param predicate the test on the full representation (groups with their members)
   */
  record Scan(Predicate<JsonNode> predicate) implements Selection {}
}
