package org.scimsync.cli.app;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where and how results are printed.
 *
 * @param out stdout: results only (a plan, a report, one JSON document)
 * @param json print one JSON document instead of text
 * @param colours colour the text (a terminal without NO_COLOR)
 * @param interactive stdout is a terminal: progress bars are allowed
 */
public record Console(PrintWriter out, boolean json, boolean colours, boolean interactive) {

  public Console {
    Objects.requireNonNull(out, "out");
  }
}
