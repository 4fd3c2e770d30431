package org.scimsync.cli.config;

import java.util.Map;

/**
 * The line on which each key of a configuration file appears, by dotted key path ({@code
 * users.map.userName}).
 */
public final class ConfigLocations {

  private final Map<String, Integer> lines;

  public ConfigLocations(Map<String, Integer> lines) {
    this.lines = Map.copyOf(lines);
  }

  /**
   * The line of {@code key}, or of its nearest ancestor present in the file; 0 when none is.
   *
   * @param key a dotted key path
   */
  public int lineOf(String key) {
    String current = key;
    while (!current.isEmpty()) {
      Integer line = lines.get(current);
      if (line != null) {
        return line;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = cut < 0 ? "" : current.substring(0, cut);
    }
    return 0;
  }

  @Override
  public String toString() {
    return "ConfigLocations[" + lines.size() + " keys]";
  }
}
