package org.scimsync.engine.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Hashes of the inputs a plan was computed from; a saved plan is applied only if they still match.
 *
 * <p>Hashing every target resource costs more than planning a run that changes nothing, and only
 * saving a plan, applying a saved one or printing the plan as JSON reads them: the planner's
 * fingerprints are therefore computed on first use (once; thread-safe) and the planning inputs they
 * are computed from are released then.
 */
public final class Fingerprints {

  private @Nullable Supplier<Fingerprints> pending;
  private @Nullable String source;
  private @Nullable String target;
  private @Nullable String state;

  /**
   * Fingerprints already known.
   *
   * @param source the desired state (source after mapping)
   * @param target the observed target objects
   * @param state the stored links and memberships
   */
  @JsonCreator
  public Fingerprints(
      @JsonProperty("source") String source,
      @JsonProperty("target") String target,
      @JsonProperty("state") String state) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.state = Objects.requireNonNull(state, "state");
  }

  private Fingerprints(Supplier<Fingerprints> pending) {
    this.pending = pending;
  }

  /** Fingerprints computed by {@code compute} when first read. */
  static Fingerprints lazy(Supplier<Fingerprints> compute) {
    return new Fingerprints(Objects.requireNonNull(compute, "compute"));
  }

  /** The hash of the desired state (source after mapping). */
  @JsonProperty("source")
  public synchronized String source() {
    resolve();
    return Objects.requireNonNull(source);
  }

  /** The hash of the observed target objects. */
  @JsonProperty("target")
  public synchronized String target() {
    resolve();
    return Objects.requireNonNull(target);
  }

  /** The hash of the stored links and memberships. */
  @JsonProperty("state")
  public synchronized String state() {
    resolve();
    return Objects.requireNonNull(state);
  }

  private void resolve() {
    Supplier<Fingerprints> compute = pending;
    if (compute == null) {
      return;
    }
    Fingerprints computed = compute.get();
    source = computed.source();
    target = computed.target();
    state = computed.state();
    pending = null;
  }

  /**
   * What differs from fingerprints taken earlier, as a person names it: "the directory", "the
   * target", "the state store"; empty when nothing does.
   */
  public List<String> changedSince(Fingerprints earlier) {
    List<String> changed = new ArrayList<>(3);
    if (!source().equals(earlier.source())) {
      changed.add("the directory");
    }
    if (!target().equals(earlier.target())) {
      changed.add("the target");
    }
    if (!state().equals(earlier.state())) {
      changed.add("the state store");
    }
    return changed;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Fingerprints that
        && source().equals(that.source())
        && target().equals(that.target())
        && state().equals(that.state());
  }

  @Override
  public int hashCode() {
    return Objects.hash(source(), target(), state());
  }

  @Override
  public String toString() {
    return "Fingerprints[source=" + source() + ", target=" + target() + ", state=" + state() + "]";
  }
}
