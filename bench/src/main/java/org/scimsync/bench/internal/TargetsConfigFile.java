package org.scimsync.bench.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a configuration with several {@code targets:} over one generated directory: each target
 * its own emulator, client-side rates equal to that emulator's quotas, and its own {@code users}
 * section (the benchmark's mapping with the target's scope) and, with a scope, {@code groups}.
 */
public final class TargetsConfigFile {

  private TargetsConfigFile() {}

  /**
   * One entry of {@code targets:}.
   *
   * @param name the target's name
   * @param url its emulator's base URL
   * @param readsPerSecond the quota of each read API
   * @param writesPerSecond the quota of each write API
   * @param usersInclude the target's {@code users.include}
   * @param groupsInclude the target's {@code groups.include}; null for every group
   */
  public record Entry(
      String name,
      URI url,
      double readsPerSecond,
      double writesPerSecond,
      String usersInclude,
      @Nullable String groupsInclude) {

    /** Checks. */
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(usersInclude, "usersInclude");
    }
  }

  /**
   * Writes {@code <name>.yaml} and {@code scim-token} into {@code directory}.
   *
   * @return the configuration file
   */
  public static Path write(
      Path directory, String name, Path ldif, String token, List<Entry> targets)
      throws IOException {
    Files.writeString(directory.resolve("scim-token"), token + "\n", StandardCharsets.UTF_8);
    StringBuilder yaml =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                """
                # Written by the several-targets benchmark: one generated directory, an emulator
                # per target.
                source:
                  type: ldif
                  path: %s
                  users:
                    key: entryUUID
                  groups:
                    key: entryUUID
                    nested: flatten
                state:
                  path: scim-sync.db
                deprovision:
                  users: delete
                  groups: delete
                  maxDeletes: 50
                  maxDeletePercent: 10
                targets:
                """,
                ldif.toAbsolutePath()));
    for (Entry target : targets) {
      yaml.append(
          String.format(
              Locale.ROOT,
              """
                - name: %s
                  profile: aws-identity-center
                  url: %s
                  token: ${file:scim-token}
                  rateLimit:
                    readsPerSecond: %s
                    writesPerSecond: %s
              """,
              target.name(),
              target.url(),
              target.readsPerSecond(),
              target.writesPerSecond()));
      yaml.append(BenchmarkConfigFile.usersSection(target.usersInclude(), "    "));
      yaml.append("    groups:\n");
      if (target.groupsInclude() != null) {
        yaml.append("      include: ").append(target.groupsInclude()).append('\n');
      }
      yaml.append("      map:\n        displayName: group.cn\n");
    }
    Path config = directory.resolve(name + ".yaml");
    Files.writeString(config, yaml.toString(), StandardCharsets.UTF_8);
    return config;
  }
}
