package org.scimsync.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of the benchmark in a JVM of its own, as the {@code scim-sync} launcher runs
 * a one-shot command: a fixed heap, C1 only, a GC log, and {@value SyncProcess#EXTRA_OPTIONS}.
 */
final class ForkedJvm {

  private ForkedJvm() {}

  /**
   * Runs {@code mainClass} with {@code args} and waits for it.
   *
   * @param scenario the scenario name, used for the log file names
   * @param result the file the process must write; its absence is a failure
   * @throws IllegalStateException when the process exits non-zero or writes no {@code result}
   */
  static void run(
      String heap,
      Path logDirectory,
      Path workingDirectory,
      String scenario,
      Class<?> mainClass,
      List<String> args,
      Path result)
      throws IOException, InterruptedException {
    Path output = logDirectory.resolve(scenario + "-sync.log");
    Files.deleteIfExists(result);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    // as the scim-sync launcher runs a one-shot sync (BENCH_SYNC_JAVA_OPTS can override it)
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xlog:gc:file=" + logDirectory.resolve(scenario + "-gc.log"));
    String extra = System.getenv(SyncProcess.EXTRA_OPTIONS);
    if (extra != null && !extra.isBlank()) {
      for (String option : extra.trim().split("\\s+")) {
        command.add(option.replace("{scenario}", scenario));
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    int exit = process.waitFor();
    if (exit != 0 || !Files.exists(result)) {
      throw new IllegalStateException(
          "the sync process of scenario "
              + scenario
              + " exited with "
              + exit
              + "; see "
              + output
              + ":\n"
              + tail(output));
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
