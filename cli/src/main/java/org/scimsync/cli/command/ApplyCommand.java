package org.scimsync.cli.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.app.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code scim-sync apply FILE}: applies a saved plan if nothing changed since it was made. */
@Command(
    name = "apply",
    description = {
      "Apply a plan saved with `plan --out`.",
      "Refuses (exit 3) when the directory or the target changed since the plan was computed."
    })
public final class ApplyCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "FILE", description = "The saved plan (JSON).")
  private Path planFile;

  @Option(names = "--allow-deletes", description = "Lift the deletion thresholds for this run.")
  private boolean allowDeletes;

  @Override
  public Integer call() {
    try (Application app = root.openApplication()) {
      return app.apply(
              planFile,
              new RunRequest("cli", false, false, allowDeletes, false),
              root.console(output))
          .code();
    }
  }
}
