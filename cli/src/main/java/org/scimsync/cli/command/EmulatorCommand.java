package org.scimsync.cli.command;

import java.util.concurrent.Callable;
import org.scimsync.cli.CliException;
import org.scimsync.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scim-sync emulator}: runs the in-memory SCIM service provider until stopped. */
@Command(
    name = "emulator",
    description = "Start the SCIM emulator (AWS IAM Identity Center behaviour) in the foreground.")
public final class EmulatorCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Bind address (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Override
  public Integer call() {
    throw new CliException(ExitCode.INVALID, "the emulator is not available in this build");
  }
}
