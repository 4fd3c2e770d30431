package org.scimsync.engine.source;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the immutable, case-insensitive attribute maps of source entries. */
public final class Attributes {

  private Attributes() {}

  /**
   * An immutable copy of {@code attributes} whose keys are looked up case-insensitively and whose
   * value lists are immutable. Empty value lists are dropped.
   */
  public static Map<String, List<Object>> copyOf(Map<String, List<Object>> attributes) {
    TreeMap<String, List<Object>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    attributes.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            copy.put(name, List.copyOf(values));
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
