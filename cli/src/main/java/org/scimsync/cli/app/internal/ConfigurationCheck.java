package org.scimsync.cli.app.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.ConfigException;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.client.KnownCapability;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ServiceProviderInfo;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.MappingRules;

/**
 * What {@code scim-sync validate} checks after the configuration loaded: the rules compile, the
 * source can be read and mapped, the target answers and accepts the token. Every step is reported;
 * the exit code is the most serious failure (2 before 4).
 */
public final class ConfigurationCheck {

  private static final int MAX_LISTED = 10;

  private final ScimSyncConfig config;
  private final PrintWriter out;
  private final List<ExitCode> failures = new ArrayList<>();
  private java.util.function.Supplier<Map<String, String>> remembered = Map::of;

  public ConfigurationCheck(ScimSyncConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /**
   * Runs the checks.
   *
   * @param source the directory source of the configuration
   * @param client a supplier of the SCIM client (not created when offline)
   * @param offline check only the configuration and the rules
   */
  public ExitCode run(
      java.util.function.Supplier<DirectorySource> source,
      java.util.function.Supplier<ScimClient> client,
      boolean offline) {
    return run(source, client, Map::of, offline);
  }

  /**
   * Runs the checks, showing also what earlier runs learned of the target.
   *
   * @param source the directory source of the configuration
   * @param client a supplier of the SCIM client (not created when offline)
   * @param remembered what the state store keeps of the target's capabilities
   * @param offline check only the configuration and the rules
   */
  public ExitCode run(
      java.util.function.Supplier<DirectorySource> source,
      java.util.function.Supplier<ScimClient> client,
      java.util.function.Supplier<Map<String, String>> remembered,
      boolean offline) {
    this.remembered = remembered;
    out.println("ok    configuration " + config.file());
    MappingRules rules = rules();
    if (offline) {
      out.println("skip  source and target (--offline)");
    } else {
      checkSource(source, rules);
      checkTarget(client);
    }
    out.println(
        failures.isEmpty()
            ? "valid: sync can run with this configuration"
            : "invalid: " + failures.size() + " problem(s) above");
    out.flush();
    if (failures.contains(ExitCode.INVALID)) {
      return ExitCode.INVALID;
    }
    return failures.isEmpty() ? ExitCode.OK : failures.get(0);
  }

  private @Nullable MappingRules rules() {
    try {
      MappingRules rules = Ports.rules(config);
      out.println(
          "ok    rules: "
              + config.users().map().size()
              + " user and "
              + config.groups().map().size()
              + " group mappings compiled (an empty map uses the defaults)");
      return rules;
    } catch (ConfigException e) {
      fail(ExitCode.INVALID, "rules: " + e.getMessage());
      return null;
    }
  }

  private void checkSource(
      java.util.function.Supplier<DirectorySource> sources, @Nullable MappingRules rules) {
    DirectorySnapshot snapshot;
    try {
      DirectorySource source = sources.get();
      snapshot = source.read();
      out.printf(
          "ok    source %s: %d users, %d groups, %d memberships%n",
          source.describe(),
          snapshot.userCount(),
          snapshot.groupCount(),
          snapshot.membershipCount());
    } catch (RuntimeException e) {
      fail(ExitCodes.of(e), "source: " + ExitCodes.describe(e));
      return;
    }
    snapshot.warnings().stream().limit(MAX_LISTED).forEach(w -> out.println("  !   " + w));
    if (rules != null) {
      checkMapping(snapshot, rules);
    }
  }

  private void checkMapping(DirectorySnapshot snapshot, MappingRules rules) {
    int users = 0;
    int groups = 0;
    List<String> rejected = new ArrayList<>();
    for (SourceUser user : snapshot.users()) {
      MappingResult result = rules.mapUser(user);
      users += result instanceof MappingResult.Mapped ? 1 : 0;
      if (result instanceof MappingResult.Rejected r) {
        rejected.add("user " + user.key() + ": " + r.reason());
      }
    }
    for (SourceGroup group : snapshot.groups()) {
      MappingResult result = rules.mapGroup(group);
      groups += result instanceof MappingResult.Mapped ? 1 : 0;
      if (result instanceof MappingResult.Rejected r) {
        rejected.add("group " + group.name() + ": " + r.reason());
      }
    }
    out.printf(
        "ok    mapping: %d users and %d groups in scope, %d cannot be mapped (skipped by sync)%n",
        users, groups, rejected.size());
    rejected.stream().limit(MAX_LISTED).forEach(r -> out.println("  !   " + r));
  }

  private void checkTarget(java.util.function.Supplier<ScimClient> client) {
    try {
      ScimClient scim = client.get();
      ServiceProviderInfo info = scim.serviceProviderConfig();
      out.printf(
          "ok    target %s (%s): reachable, token accepted; patch %s, filter %s%n",
          config.target().url(),
          config.target().profile().configName(),
          info.patchSupported() ? "supported" : "NOT supported",
          info.filterSupported() ? "supported" : "NOT supported");
      if (config.target().profile() == TargetProfile.GENERIC) {
        Map<String, String> learned = new HashMap<>(remembered.get());
        // Kept for the target it was learned of (see ScimClientTarget): another one learns anew.
        if (scim.toString().equals(learned.remove("target"))) {
          scim.rememberCapabilities(learned);
        }
        List<KnownCapability> known = scim.discoverCapabilities();
        if (!info.patchSupported()) {
          out.println(
              "  !   the target announces no PATCH: scim-sync changes users and members with PATCH;"
                  + " if it has PATCH after all, set target.capabilities.patch: true");
        }
        out.println(
            "ok    target capabilities ("
                + known.size()
                + " known; the rest is learned during a run and kept in the state store):");
        known.forEach(capability -> out.println("        " + capability));
      }
    } catch (RuntimeException e) {
      fail(ExitCodes.of(e), "target " + config.target().url() + ": " + ExitCodes.describe(e));
    }
  }

  private void fail(ExitCode code, String message) {
    failures.add(code);
    out.println("FAIL  " + message);
  }
}
