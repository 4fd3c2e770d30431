package org.scimsync.engine.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of planning: what a run will do and why. Data only; renders to text with {@link
 * #toText()} and to JSON with Jackson.
 *
 * @param full true when the target was read completely
 * @param changes ordered: users, then groups, then memberships, then disables and deletes
 * @param linkUpdates state-only updates (no target write)
 * @param linkDrops links forgotten because their object vanished from the target
 * @param warnings sanitizer removals, skipped and rejected objects, each with its reason
 * @param unmanaged target objects the engine does not own, never touched
 * @param safety the verdict of the safety guards
 * @param fingerprints hashes of the inputs, compared when a saved plan is applied
 * @param counts how many changes of each kind
 */
public record Plan(
    boolean full,
    List<Change> changes,
    List<LinkUpdate> linkUpdates,
    List<LinkDrop> linkDrops,
    List<String> warnings,
    List<UnmanagedObject> unmanaged,
    SafetyVerdict safety,
    Fingerprints fingerprints,
    PlanCounts counts) {

  public Plan {
    changes = List.copyOf(changes);
    linkUpdates = List.copyOf(linkUpdates);
    linkDrops = List.copyOf(linkDrops);
    warnings = List.copyOf(warnings);
    unmanaged = List.copyOf(unmanaged);
    Objects.requireNonNull(safety, "safety");
    Objects.requireNonNull(fingerprints, "fingerprints");
    Objects.requireNonNull(counts, "counts");
  }

  /** True when the target needs no change. */
  @JsonIgnore
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * The plan of a run stopped before it could plan: nothing to do, nothing compared.
   *
   * @param full whether the run was full
   */
  public static Plan empty(boolean full) {
    return new Plan(
        full,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        SafetyVerdict.passed(),
        new Fingerprints("", "", ""),
        PlanCounts.of(List.of(), 0, 0));
  }

  /** This plan with these warnings added after its own. */
  public Plan withMoreWarnings(List<String> more) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new Plan(
        full, changes, linkUpdates, linkDrops, all, unmanaged, safety, fingerprints, counts);
  }

  /** This plan with another safety verdict. */
  public Plan withSafety(SafetyVerdict verdict) {
    return new Plan(
        full, changes, linkUpdates, linkDrops, warnings, unmanaged, verdict, fingerprints, counts);
  }

  /** The plan as a person reads it, like {@code terraform plan}. */
  public String toText() {
    return PlanText.render(this);
  }
}
