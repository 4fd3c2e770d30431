package org.scimsync.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigValueException;

/**
 * Scoping and mapping rules of users or groups: {@code users} and {@code groups}. Expressions are
 * JEXL; they are compiled by the mapping rules, not here.
 *
 * @param include which entries are provisioned; null for every entry
 * @param map SCIM attribute path to expression, in the order of the file
 * @param drop SCIM attributes never sent, whatever a mapping produces
 */
public record RuleConfig(@Nullable String include, Map<String, String> map, List<String> drop) {

  public RuleConfig {
    ConfigChecks.requireNonBlankIfSet("include", include);
    LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
    if (map != null) {
      map.forEach(
          (attribute, expression) -> {
            if (expression == null || expression.isBlank()) {
              throw new ConfigValueException(
                  "map." + attribute, "needs an expression (use 'null' to send nothing)");
            }
            ordered.put(attribute, expression);
          });
    }
    map = Collections.unmodifiableMap(ordered);
    drop = drop == null ? List.of() : List.copyOf(drop);
  }

  /** Every entry, no mappings, nothing dropped. */
  public static RuleConfig empty() {
    return new RuleConfig(null, null, null);
  }
}
