package org.scimsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.scimsync.cli.command.ScimSyncCommand;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code scim-sync args...} with the given environment. */
  public static CliRun of(Map<String, String> environment, String... args) {
    CommandLine commandLine = ScimSyncCommand.newCommandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Runs {@code scim-sync args...} with an empty environment. */
  public static CliRun of(String... args) {
    return of(Map.of(), args);
  }

  /** Stdout and stderr together, for assertions about what never appears. */
  public String all() {
    return out + err;
  }
}
