package org.scimsync.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What mapping one source entry gave: a resource, out of scope, or rejected. */
public sealed interface MappingResult
    permits MappingResult.Mapped, MappingResult.Excluded, MappingResult.Rejected {

  /**
   * The entry maps to this SCIM resource.
   *
   * @param resource the resource without {@code schemas}, {@code id}, {@code externalId}, {@code
   *     meta} and group {@code members}; keys sorted at every level so that equal inputs give
   *     byte-identical JSON; an attribute without a value is absent. A new node for every call,
   *     owned by the caller.
   * @param warnings what the sanitizer changed, as sentences, e.g. {@code photos removed: not
   *     supported by the target}
   */
  record Mapped(ObjectNode resource, List<String> warnings) implements MappingResult {
    public Mapped {
      Objects.requireNonNull(resource, "resource");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The include expression is false for the entry: it is out of scope.
   *
   * @param reason e.g. {@code users.include is false}
   */
  record Excluded(String reason) implements MappingResult {
    public Excluded {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The entry cannot be mapped; the run goes on without it.
   *
   * @param reason names the attribute, e.g. {@code users.map.displayName: null operand for '+' at
   *     column 24 (in 'user.sn')} or {@code userName 'Administrator' is reserved by the target}
   * @param warnings the warnings gathered before the rejection
   * @param failure when an expression of the rules failed (the scoping filter, or the mapping of an
   *     attribute the object cannot go without), which one and how, comparable between entries;
   *     null when the entry's data broke a rule of the target profile
   */
  record Rejected(String reason, List<String> warnings, @Nullable Failure failure)
      implements MappingResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      warnings = List.copyOf(warnings);
    }

    /** A rejection that is not the failure of an expression. */
    public Rejected(String reason, List<String> warnings) {
      this(reason, warnings, null);
    }
  }

  /**
   * How an expression failed, without the entry it failed for: two entries rejected with equal
   * failures failed at the same key in the same way, which for every entry in scope means the rules
   * are wrong rather than the data.
   *
   * @param key the configuration key, e.g. {@code users.map.displayName} or {@code users.include}
   * @param error what went wrong, e.g. {@code null operand for '+' at column 24 (in 'user.sn')}; it
   *     names parts of the expression and types, not the entry's values
   */
  record Failure(String key, String error) {
    public Failure {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String toString() {
      return key + ": " + error;
    }
  }
}
