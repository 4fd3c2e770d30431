package org.scimsync.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.scimsync.cli.command.ScimSyncCommand;
import picocli.CommandLine;

/**
 * Runs {@code scim-sync --config CONFIG sync --output json [--full]} as the command line does
 * (every target of the configuration at once, from one directory read), with its standard output in
 * a file, and writes a {@link CliSyncMeasurement} (heap, CPU, exit code) as JSON.
 *
 * <p>Usage: {@code CliSyncRunner CONFIG full|incremental OUTPUT_JSON MEASUREMENT_JSON}
 */
public final class CliSyncRunner {

  private CliSyncRunner() {}

  /** Runs the command; exits 0 when the measurement was written, whatever the command's exit. */
  public static void main(String[] args) throws IOException {
    if (args.length != 4 || !Set.of("full", "incremental").contains(args[1])) {
      System.err.println(
          "usage: CliSyncRunner CONFIG full|incremental OUTPUT_JSON MEASUREMENT_JSON");
      System.exit(2);
    }
    CliSyncMeasurement measurement =
        run(Path.of(args[0]), "full".equals(args[1]), Path.of(args[2]));
    new ObjectMapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(Path.of(args[3]).toFile(), measurement);
  }

  static CliSyncMeasurement run(Path config, boolean full, Path output) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("--config", config.toString(), "sync", "--output", "json"));
    if (full) {
      args.add("--full");
    }
    try (HeapWatch heap = new HeapWatch();
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), false)) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      CommandLine command = ScimSyncCommand.newCommandLine(System.getenv());
      command.setOut(out);
      int exit = command.execute(args.toArray(String[]::new));
      out.flush();
      long end = System.nanoTime();
      return new CliSyncMeasurement(
          exit,
          TimeUnit.NANOSECONDS.toMillis(end - start),
          TimeUnit.NANOSECONDS.toMillis(processCpuNanos() - cpuStart),
          heap.peakUsedBytes(),
          heap.maxLiveBytes(),
          HeapWatch.maxHeapBytes(),
          heap.collections());
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
