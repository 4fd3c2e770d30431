package org.scimsync.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code users:} or {@code groups:} section of the configuration, as written.
 *
 * @param include the scoping expression; null includes every entry
 * @param map target attribute path to expression, in configuration order; empty means the default
 *     mapping (see {@link MappingRules})
 * @param drop attributes never sent, whatever a mapping produces
 */
public record RuleSpec(@Nullable String include, Map<String, String> map, List<String> drop) {

  public RuleSpec {
    map = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, "map")));
    drop = List.copyOf(drop);
  }

  /** No scoping, the default mapping, nothing dropped. */
  public static RuleSpec defaults() {
    return new RuleSpec(null, Map.of(), List.of());
  }
}
