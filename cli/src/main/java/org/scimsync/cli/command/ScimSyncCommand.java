package org.scimsync.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.app.Console;
import org.scimsync.cli.app.LogSetup;
import org.scimsync.cli.app.Terminal;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.emulator.EmulatorMain;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code scim-sync} command and its global options; every subcommand reaches the loaded
 * configuration and the process environment through it.
 */
@Command(
    name = "scim-sync",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = ScimSyncCommand.Version.class,
    description = "Keeps a SCIM 2.0 service provider in step with a directory.",
    subcommands = {
      SyncCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      StatusCommand.class,
      HistoryCommand.class,
      ValidateCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all changes applied, or nothing to do",
      "1:some changes failed",
      "2:invalid configuration, input or usage",
      "3:stopped by a safety guard; nothing destructive applied",
      "4:source or target unreachable, or authentication refused"
    })
public final class ScimSyncCommand implements Runnable {

  /** The log output formats of {@code --log-format}. */
  public enum LogFormat {
    text,
    json
  }

  @Spec private CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The configuration file (default: ${DEFAULT-VALUE}).",
      defaultValue = "scim-sync.yaml")
  private Path configFile;

  @Option(
      names = {"-t", "--target"},
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description =
          "Work on this target only (a name from the configuration's targets); default: every"
              + " target.")
  private String target;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log more: every request and decision.")
  private boolean verbose;

  @Option(
      names = "--log-format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description =
          "Log line format on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  private LogFormat logFormat;

  private final Map<String, String> environment;

  /**
   * @param environment the process environment: {@code ${NAME}} in the configuration, NO_COLOR
   */
  public ScimSyncCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The command line, ready to {@link CommandLine#execute(String...) execute}: exit codes mapped,
   * errors printed without stack traces (unless {@code --verbose}), logging configured.
   */
  public static CommandLine newCommandLine(Map<String, String> environment) {
    ScimSyncCommand root = new ScimSyncCommand(environment);
    CommandLine commandLine = new CommandLine(root);
    commandLine.addSubcommand(new CommandLine(new EmulatorMain()).setCommandName("emulator"));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionStrategy(
        parseResult -> {
          LogSetup.configure(root.verbose, root.logFormat == LogFormat.json);
          return new CommandLine.RunLast().execute(parseResult);
        });
    commandLine.setExecutionExceptionHandler(
        (failure, failedCommand, parseResult) -> {
          ExitCode code = ExitCodes.of(failure);
          PrintWriter err = failedCommand.getErr();
          err.println(
              failedCommand.getColorScheme().errorText("error: " + ExitCodes.describe(failure)));
          if (root.verbose) {
            failure.printStackTrace(err);
          }
          err.flush();
          return code.code();
        });
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            Terminal.colours(environment) ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The configuration file given with {@code --config}, or the default. */
  public Path configFile() {
    return configFile;
  }

  /** True with {@code --verbose}. */
  public boolean verbose() {
    return verbose;
  }

  /** The process environment this command runs with. */
  public Map<String, String> environment() {
    return environment;
  }

  /** True when output may be coloured: a terminal, and NO_COLOR unset. */
  public boolean colours() {
    return Terminal.colours(environment);
  }

  /**
   * Loads and validates the configuration file.
   *
   * @throws org.scimsync.cli.config.ConfigException when it is invalid (exit code 2)
   */
  public ScimSyncConfig loadConfig() {
    return new ConfigLoader(environment).load(configFile);
  }

  /**
   * Loads the configuration and wires the application for the target of {@code --target}, or for
   * every target.
   *
   * @throws org.scimsync.cli.config.ConfigException when the configuration is invalid (exit code 2)
   */
  public Application openApplication() {
    return Application.open(loadConfig(), target);
  }

  /** The target named by {@code --target}; null for every target. */
  public @Nullable String target() {
    return target;
  }

  /** Where and how a command prints its results. */
  public Console console(OutputOption output) {
    return new Console(
        spec.commandLine().getOut(), output.json(), colours(), Terminal.interactive());
  }

  /** The version printed by {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ScimSyncCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "scim-sync " + (version == null ? "(development build)" : version),
        "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
      };
    }
  }
}
