package org.scimsync.client;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Some {@link Capability capabilities} with their values; an absent one is unknown. Immutable.
 * Built from the configuration ({@code target.capabilities}) or from what an earlier run learned
 * ({@link #parse}), and turned back into names and values for the state store ({@link
 * #asConfigMap}).
 */
public final class TargetCapabilities {

  /** No capability known. */
  public static final TargetCapabilities NONE = new TargetCapabilities(Map.of());

  private final Map<Capability, String> values;

  private TargetCapabilities(Map<Capability, String> values) {
    EnumMap<Capability, String> copy = new EnumMap<>(Capability.class);
    copy.putAll(values);
    this.values = copy;
  }

  /**
   * Capabilities from configuration names and textual values.
   *
   * @param values names as in {@code target.capabilities}, with their values
   * @return the capabilities
   * @throws IllegalArgumentException naming the unknown name or the bad value
   */
  public static TargetCapabilities parse(Map<String, String> values) {
    Map<Capability, String> parsed = new EnumMap<>(Capability.class);
    values.forEach(
        (name, value) -> {
          Capability capability = Capability.fromConfigName(name);
          parsed.put(capability, capability.normalise(Objects.requireNonNull(value, name)));
        });
    return new TargetCapabilities(parsed);
  }

  /**
   * These capabilities with one more (or another value).
   *
   * @param capability the capability
   * @param value its value
   * @return a copy
   */
  public TargetCapabilities with(Capability capability, String value) {
    Map<Capability, String> copy = new EnumMap<>(Capability.class);
    copy.putAll(values);
    copy.put(capability, capability.normalise(value));
    return new TargetCapabilities(copy);
  }

  /**
   * The value of a capability.
   *
   * @param capability the capability
   * @return its normalised value, or null when unknown
   */
  public @Nullable String value(Capability capability) {
    return values.get(capability);
  }

  /**
   * Whether nothing is known.
   *
   * @return true for no capability
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * The capabilities by configuration name, in declaration order.
   *
   * @return names and values
   */
  public Map<String, String> asConfigMap() {
    Map<String, String> map = new LinkedHashMap<>();
    values.forEach((capability, value) -> map.put(capability.configName(), value));
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TargetCapabilities that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "TargetCapabilities" + asConfigMap();
  }
}
