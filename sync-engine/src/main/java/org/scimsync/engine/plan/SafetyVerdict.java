package org.scimsync.engine.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * What the safety guards decided about a plan.
 *
 * @param outcome whether and what the guards stopped
 * @param message why, for people; empty when nothing was stopped
 * @param withheld the destructive changes that are not applied, as {@code "delete user alice"}
 */
public record SafetyVerdict(Outcome outcome, String message, List<String> withheld) {

  /** The guards' decision. */
  public enum Outcome {
    /** Nothing stopped. */
    PASSED,
    /** The deletion guard withheld the deletes and disables; the rest may be applied. */
    DESTRUCTIVE_WITHHELD,
    /** The empty-source guard stopped the whole run before any change. */
    STOPPED
  }

  public SafetyVerdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    withheld = List.copyOf(withheld);
  }

  /** Nothing stopped. */
  public static SafetyVerdict passed() {
    return new SafetyVerdict(Outcome.PASSED, "", List.of());
  }

  /** True unless a guard stopped something. */
  @JsonIgnore
  public boolean isPassed() {
    return outcome == Outcome.PASSED;
  }

  /** Whether the non-destructive changes may be applied. */
  @JsonIgnore
  public boolean allowsConstructive() {
    return outcome != Outcome.STOPPED;
  }

  /** Whether deletes and disables may be applied. */
  @JsonIgnore
  public boolean allowsDestructive() {
    return outcome == Outcome.PASSED;
  }
}
