package org.scimsync.cli.app.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.ConfigException;
import org.scimsync.cli.config.ScimSyncConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.cli.config.TargetSpec;
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
  private String prefix = "";

  /**
   * One target to check.
   *
   * @param spec the target
   * @param client a supplier of its SCIM client (not called when offline)
   * @param remembered what the state store keeps of the target's capabilities
   */
  public record TargetCheck(
      TargetSpec spec, Supplier<ScimClient> client, Supplier<Map<String, String>> remembered) {}

  public ConfigurationCheck(ScimSyncConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /**
   * Runs the checks: the configuration, the directory (read once), and for each target its rules,
   * what they make of the directory, and the target itself. With several targets, each target's
   * lines start with its name.
   *
   * @param offline check only the configuration and the rules
   */
  public ExitCode run(
      Supplier<DirectorySource> source, List<TargetCheck> targets, boolean offline) {
    out.println("ok    configuration " + config.file());
    DirectorySnapshot snapshot = offline ? null : readSource(source);
    if (offline) {
      out.println("skip  source and target (--offline)");
    }
    for (TargetCheck target : targets) {
      prefix = config.severalTargets() ? "target " + target.spec().name() + ": " : "";
      MappingRules rules = rules(target.spec());
      if (!offline) {
        if (snapshot != null && rules != null) {
          checkMapping(snapshot, rules);
        }
        checkTarget(target);
      }
    }
    prefix = "";
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

  private @Nullable MappingRules rules(TargetSpec target) {
    try {
      MappingRules rules = Ports.rules(config, target);
      ok(
          "rules: "
              + target.users().map().size()
              + " user and "
              + target.groups().map().size()
              + " group mappings compiled (an empty map uses the defaults)");
      return rules;
    } catch (ConfigException e) {
      fail(ExitCode.INVALID, "rules: " + e.getMessage());
      return null;
    }
  }

  private @Nullable DirectorySnapshot readSource(Supplier<DirectorySource> sources) {
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
      return null;
    }
    snapshot.warnings().stream().limit(MAX_LISTED).forEach(w -> out.println("  !   " + w));
    return snapshot;
  }

  private void ok(String message) {
    out.println("ok    " + prefix + message);
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
    ok(
        String.format(
            "mapping: %d users and %d groups in scope, %d cannot be mapped (skipped by sync)",
            users, groups, rejected.size()));
    rejected.stream().limit(MAX_LISTED).forEach(r -> out.println("  !   " + r));
  }

  private void checkTarget(TargetCheck target) {
    TargetConfig config = target.spec().target();
    try {
      ScimClient scim = target.client().get();
      ServiceProviderInfo info = scim.serviceProviderConfig();
      ok(
          String.format(
              "target %s (%s): reachable, token accepted; patch %s, filter %s",
              config.url(),
              config.profile().configName(),
              info.patchSupported() ? "supported" : "NOT supported",
              info.filterSupported() ? "supported" : "NOT supported"));
      if (config.profile() == TargetProfile.GENERIC) {
        Map<String, String> learned = new HashMap<>(target.remembered().get());
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
        ok(
            "target capabilities ("
                + known.size()
                + " known; the rest is learned during a run and kept in the state store):");
        known.forEach(capability -> out.println("        " + capability));
      }
    } catch (RuntimeException e) {
      fail(ExitCodes.of(e), "target " + config.url() + ": " + ExitCodes.describe(e));
    }
  }

  private void fail(ExitCode code, String message) {
    failures.add(code);
    out.println("FAIL  " + prefix + message);
  }
}
