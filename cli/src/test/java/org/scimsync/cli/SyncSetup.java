package org.scimsync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.scimsync.emulator.ScimEmulator;

/**
 * A directory, a configuration and a state file in a temporary directory, syncing into an emulator:
 * the setting of the command tests.
 */
final class SyncSetup {

  static final String TOKEN = "tok-s3cr3t-emulator";

  final ScimEmulator emulator;
  final Path dir;
  final Path config;

  SyncSetup(ScimEmulator emulator, Path dir) throws IOException {
    this.emulator = emulator;
    this.dir = dir;
    this.config = dir.resolve("scim-sync.yaml");
    useDirectory("directory.ldif");
    writeConfig(emulator.baseUri().toString(), "");
  }

  /** Copies one of the bundled sample directories to {@code directory.ldif}. */
  void useDirectory(String resource) throws IOException {
    try (InputStream in = SyncSetup.class.getResourceAsStream("/demo/" + resource)) {
      Files.write(dir.resolve("directory.ldif"), in.readAllBytes());
    }
  }

  /** Writes the configuration; {@code extraUserMappings} are added to {@code users.map}. */
  void writeConfig(String url, String extraUserMappings) throws IOException {
    Files.writeString(
        config,
        """
        source:
          type: ldif
          path: directory.ldif
        target:
          url: %s
          token: ${SCIM_TOKEN}
          maxAttempts: 1
        users:
          include: user.mail != null
          map:
            userName: user.mail
            displayName: user.displayName
            name.givenName: user.givenName
            name.familyName: user.sn
            emails: "[{'value': user.mail, 'type': 'work', 'primary': true}]"
            title: user.title
        %s
        groups:
          include: group.cn =^ 'aws-'
        deprovision:
          users: delete
          groups: delete
          maxDeletes: 3
          maxDeletePercent: 50
        """
            .formatted(url, extraUserMappings.isEmpty() ? "" : "    " + extraUserMappings));
  }

  /** Runs {@code scim-sync args... --config <config>} with the token in the environment. */
  CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return CliRun.of(Map.of("SCIM_TOKEN", TOKEN), all);
  }
}
