package org.scimsync.cli.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code scim-sync plan}: computes and prints the plan; writes nothing to the target. */
@Command(
    name = "plan",
    description = "Compute and print the plan without changing the target; optionally save it.")
public final class PlanCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Mixin private OutputOption output;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Save the plan as JSON, for `scim-sync apply FILE`.")
  private @Nullable Path out;

  @Mixin private RunOptions run;

  @Override
  public Integer call() {
    try (Application app = Application.open(root.loadConfig())) {
      return app.plan(run.request(true), out, root.console(output)).code();
    }
  }
}
