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
      description =
          "Save the plan as JSON, for `scim-sync apply FILE`; a name ending in .html saves it as"
              + " a standalone page to review in a browser.")
  private @Nullable Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "html: print the plan as a standalone HTML page instead of text.")
  private @Nullable PageFormat format;

  /** The formats of {@code --format}. */
  enum PageFormat {
    html
  }

  @Mixin private RunOptions run;

  @Override
  public Integer call() {
    try (Application app = root.openApplication()) {
      return app.plan(run.request(true), out, format == PageFormat.html, root.console(output))
          .code();
    }
  }
}
