package org.scimsync.client;

/**
 * A capability as the client knows it, and where that knowledge comes from.
 *
 * @param capability the capability
 * @param value its value
 * @param source {@code target.capabilities}, {@code learned this run}, {@code learned by an earlier
 *     run}, {@code announced by the target} or {@code profile default}
 */
public record KnownCapability(Capability capability, String value, String source) {

  @Override
  public String toString() {
    return capability.configName() + ": " + value + " (" + source + ")";
  }
}
