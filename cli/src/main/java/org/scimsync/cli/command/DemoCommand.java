package org.scimsync.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.app.Application;
import org.scimsync.cli.app.Console;
import org.scimsync.cli.app.RunRequest;
import org.scimsync.cli.config.ConfigLoader;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.emulator.ScimEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scim-sync demo}: starts the emulator (AWS profile) on a free loopback port, writes the
 * bundled sample directory and a configuration, and runs three syncs: the first creates everything,
 * the second has nothing to do, the third follows a rename, a new hire and a leaver.
 */
@Command(
    name = "demo",
    description = {
      "Sync a bundled sample directory into an embedded emulator; needs nothing else.",
      "Runs three syncs: the first creates, the second has nothing to do, the third follows a",
      "group rename, a new hire and a leaver."
    })
public final class DemoCommand implements Callable<Integer> {

  private static final String RESOURCES = "/demo/";

  @ParentCommand private ScimSyncCommand root;

  @Mixin private OutputOption output;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Write the sample directory, configuration and state here and keep them "
              + "(default: a temporary directory, deleted afterwards).")
  private @Nullable Path dir;

  @Option(
      names = "--serve",
      description =
          "After the syncs, keep serving the status page with the demo's data on a free loopback"
              + " port (printing its address and a one-time password) until Ctrl-C.")
  private boolean serve;

  @Override
  public Integer call() throws IOException {
    Path work = dir == null ? Files.createTempDirectory("scim-sync-demo") : dir;
    Files.createDirectories(work);
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    CountDownLatch cleanedUp = new CountDownLatch(1);
    try (ScimEmulator emulator = ScimEmulator.builder().token(token).build().start()) {
      ExitCode code = run(work, emulator, token);
      if (serve) {
        DemoStatusPage.serve(configIn(work, emulator), root.console(output).out(), cleanedUp);
      }
      return code.code();
    } finally {
      try {
        if (dir == null) {
          deleteTree(work);
        }
      } finally {
        cleanedUp.countDown();
      }
    }
  }

  private ExitCode run(Path work, ScimEmulator emulator, String token) throws IOException {
    Console console = root.console(output);
    PrintWriter out = console.out();
    copy("directory.ldif", work.resolve("directory.ldif"));
    copy("scim-sync.yaml", work.resolve("scim-sync.yaml"));
    Files.writeString(work.resolve("scim-token"), token + "\n");
    ScimSyncConfig config = configIn(work, emulator);

    heading(console, "scim-sync demo: emulator (AWS IAM Identity Center) at " + emulator.baseUri());
    heading(console, "files in " + work + ": directory.ldif, scim-sync.yaml, scim-sync.db");
    heading(console, "1. First sync: every user and group in scope is created");
    ExitCode first = sync(config, console);
    heading(console, "2. Second sync: the target already matches, nothing to do");
    ExitCode second = sync(config, console);
    heading(
        console,
        "3. The directory changes: dana joins, mallory leaves, aws-developers is renamed\n"
            + "   aws-software (the group is renamed in place, never recreated)");
    copy("directory-next.ldif", work.resolve("directory.ldif"));
    ExitCode third = sync(config, console);
    EmulatorState state = emulator.snapshot();
    heading(
        console,
        "The target now holds "
            + state.users().size()
            + " users and "
            + state.groups().size()
            + " groups.");
    out.flush();
    for (ExitCode code : new ExitCode[] {first, second, third}) {
      if (code != ExitCode.OK) {
        return code;
      }
    }
    return ExitCode.OK;
  }

  private ScimSyncConfig configIn(Path work, ScimEmulator emulator) {
    Map<String, String> environment = new HashMap<>(root.environment());
    environment.put("DEMO_SCIM_URL", emulator.baseUri().toString());
    return new ConfigLoader(environment).load(work.resolve("scim-sync.yaml"));
  }

  private static ExitCode sync(ScimSyncConfig config, Console console) {
    try (Application app = Application.open(config)) {
      return app.sync(new RunRequest("demo", false, false, false, false), console);
    }
  }

  private static void heading(Console console, String text) {
    if (!console.json()) {
      console.out().println();
      console.out().println("== " + text);
    }
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + RESOURCES + resource);
      }
      Files.write(target, in.readAllBytes());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
