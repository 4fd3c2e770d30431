package org.scimsync.cli.app;

import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;

/** Colours the lines of a printed plan when the console allows it. */
final class Colours {

  private Colours() {}

  /** {@code +} lines green, {@code ~} yellow, {@code -} red, warnings and safety stops bold. */
  static String plan(String text, Console console) {
    if (!console.colours()) {
      return text;
    }
    return text.lines().map(Colours::line).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String line(String line) {
    String style;
    if (line.startsWith("+ ")) {
      style = "green";
    } else if (line.startsWith("~ ")) {
      style = "yellow";
    } else if (line.startsWith("- ") || line.startsWith("FAILED ")) {
      style = "red";
    } else if (line.startsWith("! ") || line.startsWith("SAFETY")) {
      style = "bold";
    } else {
      return line;
    }
    return Ansi.ON.string("@|" + style + " " + line.replace("|@", "| @") + "|@");
  }
}
