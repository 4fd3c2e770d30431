package org.scimsync.bench.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes the configuration a benchmark syncs with: the generated LDIF directory, every user with a
 * mail address and every group, the mapping of {@code config-example.yaml}, the AWS profile with
 * client-side rates equal to the emulator's quotas (and a cap on requests in flight, if given), and
 * the token in a file beside it.
 */
public final class BenchmarkConfigFile {

  private BenchmarkConfigFile() {}

  /**
   * Writes {@code <name>.yaml} and {@code scim-token} into {@code directory}.
   *
   * @return the configuration file
   */
  public static Path write(
      Path directory,
      String name,
      Path ldif,
      URI target,
      String token,
      double readsPerSecond,
      double writesPerSecond,
      @Nullable Integer maxConcurrency)
      throws IOException {
    Path tokenFile = directory.resolve("scim-token");
    Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
    String yaml =
        String.format(
            Locale.ROOT,
            """
            # Written by the benchmark runner: a generated directory into the emulator.
            source:
              type: ldif
              path: %s
              users:
                key: entryUUID
              groups:
                key: entryUUID
                nested: flatten
            target:
              profile: aws-identity-center
              url: %s
              token: ${file:scim-token}
              rateLimit:
                readsPerSecond: %s
                writesPerSecond: %s
            %s
            state:
              path: scim-sync.db
            %s
            groups:
              map:
                displayName: group.cn
            deprovision:
              users: delete
              groups: delete
              maxDeletes: 50
              maxDeletePercent: 10
            """,
            ldif.toAbsolutePath(),
            target,
            readsPerSecond,
            writesPerSecond,
            maxConcurrency == null ? "" : "  maxConcurrency: " + maxConcurrency,
            usersSection("user.mail != null", ""));
    Path config = directory.resolve(name + ".yaml");
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    return config;
  }

  /**
   * The {@code users} section of the benchmark: the mapping of {@code config-example.yaml}, with
   * {@code include} as the scope; every line indented by {@code indent}.
   */
  static String usersSection(String include, String indent) {
    String section =
        """
        users:
          include: %s
          map:
            userName: user.mail
            displayName: user.displayName ?? (user.givenName + ' ' + user.sn)
            name.givenName: user.givenName ?? user.cn
            name.familyName: user.sn
            emails: "[{'value': user.mail, 'type': 'work', 'primary': true}]"
            title: user.title
            active: user.employeeType != 'disabled'
            enterprise.department: user.departmentNumber
            enterprise.employeeNumber: user.employeeNumber
          drop: [photos]
        """
            .formatted(include);
    return section.lines().map(line -> indent + line).collect(Collectors.joining("\n", "", "\n"));
  }
}
