package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.config.ScimSyncConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scim-sync validate}: checks the configuration, compiles the rules, reads the source and
 * asks the target whether the token is accepted.
 */
@Command(
    name = "validate",
    description = {
      "Check the configuration, compile the expressions, read the source and contact the target.",
      "Exit 2 when the configuration or the input is wrong, 4 when a server cannot be reached."
    })
public final class ValidateCommand implements Callable<Integer> {

  @ParentCommand private ScimSyncCommand root;

  @Spec private CommandSpec spec;

  @Option(
      names = "--offline",
      description =
          "Only check the configuration and the rules; contact neither source nor target.")
  private boolean offline;

  @Override
  public Integer call() {
    ScimSyncConfig config = root.loadConfig();
    try (Application app = Application.open(config, root.target())) {
      return app.validate(spec.commandLine().getOut(), offline).code();
    }
  }
}
