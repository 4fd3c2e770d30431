package org.scimsync.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scimsync.bench.generate.DirectoryGenerator;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.engine.plan.DesiredGroup;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredStateBuilder;
import org.scimsync.engine.plan.DesiredUser;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;
import org.scimsync.sources.ldif.LdifDirectorySource;
import org.scimsync.sources.ldif.LdifSourceConfig;

/**
 * The inputs of the planning and mapping benchmarks: a generated directory read from LDIF, the
 * mapping of the benchmark configuration with the AWS sanitizer, the desired state, and the
 * observed and stored states of a target that already matches it (the no-op plan) or is empty (the
 * initial plan).
 *
 * @param snapshot the directory as read
 * @param rules the compiled mapping rules
 * @param desired the desired state of the snapshot
 * @param matchingTarget a complete observation of a target holding exactly the desired state
 * @param matchingState the state store after a sync to that target
 */
public record PlanningFixture(
    DirectorySnapshot snapshot,
    MappingRules rules,
    DesiredState desired,
    ObservedState matchingTarget,
    StoredState matchingState) {

  /** Generates and reads a directory of {@code users} and {@code groups}, seed 42. */
  public static PlanningFixture generate(int users, int groups) {
    try {
      Path file = Files.createTempFile("scim-sync-bench", ".ldif");
      try {
        new DirectoryGenerator(users, groups, 42).write(file);
        DirectorySnapshot snapshot =
            new LdifDirectorySource(LdifSourceConfig.of(file).withKeys("entryUUID", "entryUUID"))
                .read();
        return of(snapshot);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture of one snapshot. */
  public static PlanningFixture of(DirectorySnapshot snapshot) {
    MappingRules rules = compileRules();
    DesiredState desired =
        DesiredStateBuilder.build(snapshot, new RulesResourceMapper(rules), Set.of());
    Instant synced = Instant.parse("2026-01-01T00:00:00Z");
    List<TargetUser> users = new ArrayList<>();
    Map<String, Link> userLinks = new HashMap<>();
    for (DesiredUser user : desired.users()) {
      String id = "u-" + user.key();
      ObjectNode resource = user.resource().deepCopy();
      resource.put("id", id).put("externalId", user.key());
      users.add(new TargetUser(id, user.key(), user.userName(), resource));
      userLinks.put(
          user.key(), new Link(ObjectKind.USER, user.key(), id, user.contentHash(), false, synced));
    }
    List<TargetGroup> groups = new ArrayList<>();
    Map<String, Link> groupLinks = new HashMap<>();
    Map<String, Set<String>> memberships = new LinkedHashMap<>();
    for (DesiredGroup group : desired.groups()) {
      String id = "g-" + group.key();
      ObjectNode resource = group.resource().deepCopy();
      resource.put("id", id).put("externalId", group.key());
      groups.add(new TargetGroup(id, group.key(), group.displayName(), resource));
      groupLinks.put(
          group.key(),
          new Link(ObjectKind.GROUP, group.key(), id, group.contentHash(), false, synced));
      memberships.put(group.key(), new LinkedHashSet<>(group.memberKeys()));
    }
    return new PlanningFixture(
        snapshot,
        rules,
        desired,
        ObservedState.complete(users, groups),
        new StoredState(userLinks, groupLinks, memberships, synced));
  }

  /** The mapping of the benchmark configuration (that of {@code config-example.yaml}). */
  public static MappingRules compileRules() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("userName", "user.mail");
    users.put("displayName", "user.displayName ?? (user.givenName + ' ' + user.sn)");
    users.put("name.givenName", "user.givenName ?? user.cn");
    users.put("name.familyName", "user.sn");
    users.put("emails", "[{'value': user.mail, 'type': 'work', 'primary': true}]");
    users.put("title", "user.title");
    users.put("active", "user.employeeType != 'disabled'");
    users.put("enterprise.department", "user.departmentNumber");
    users.put("enterprise.employeeNumber", "user.employeeNumber");
    return MappingRules.compile(
        new RuleSpec("user.mail != null", users, List.of("photos")),
        new RuleSpec(null, Map.of("displayName", "group.cn"), List.of()),
        SanitizerProfile.AWS_IDENTITY_CENTER);
  }

  /** The users and groups of the directory. */
  public int objects() {
    return snapshot.userCount() + snapshot.groupCount();
  }
}
