package org.scimsync.cli.command;

import picocli.CommandLine.Option;

/** The {@code --output text|json} option of commands that print results. */
public final class OutputOption {

  /** How results are printed on stdout. */
  public enum Format {
    /** Human-readable lines. */
    text,
    /** One JSON document. */
    json
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description =
          "Result format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  private Format format = Format.text;

  /** The chosen format. */
  public Format format() {
    return format;
  }

  /** True for {@code --output json}. */
  public boolean json() {
    return format == Format.json;
  }
}
