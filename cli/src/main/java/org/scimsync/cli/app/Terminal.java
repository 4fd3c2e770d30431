package org.scimsync.cli.app;

import java.util.Map;

/** What the console allows: colours and progress bars only on an interactive terminal. */
public final class Terminal {

  private Terminal() {}

  /** True when stdout is an interactive terminal. */
  public static boolean interactive() {
    return System.console() != null;
  }

  /** True when output may be coloured: an interactive terminal and NO_COLOR unset or empty. */
  public static boolean colours(Map<String, String> environment) {
    String noColor = environment.get("NO_COLOR");
    return interactive() && (noColor == null || noColor.isEmpty());
  }
}
