package org.scimsync.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scimsync.mapping.internal.ObjectRules;
import org.scimsync.mapping.internal.RuleCompiler;
import org.scimsync.mapping.internal.sanitize.ResourceSanitizer;

/**
 * The compiled {@code users:} and {@code groups:} rules of a configuration, applied to source
 * entries. Every expression is compiled once, by {@link #compile}; {@link #mapUser} and {@link
 * #mapGroup} are thread-safe and may run in parallel.
 *
 * <p>Mapping one entry: the {@code include} expression decides the scope ({@link
 * MappingResult.Excluded} when false); each {@code map} expression, except those of dropped
 * attributes, gives the value of its target attribute (null: no value); the {@code drop} attributes
 * are removed; the profile's sanitizer makes the resource acceptable to the target or rejects it
 * ({@link MappingResult.Rejected}). An expression that fails for this entry rejects it when it is
 * the scope or maps an attribute the profile cannot go without (with a {@link
 * MappingResult.Failure}); any other failing expression leaves its attribute out, with a warning.
 *
 * <p>Defaults, used when a section's {@code map} is empty:
 *
 * <pre>
 * users:
 *   userName: user.mail ?? user.uid
 *   displayName: user.displayName ?? user.cn
 *   name.givenName: user.givenName
 *   name.familyName: user.sn
 *   emails: user.mail == null ? null : [{'value': user.mail, 'type': 'work', 'primary': true}]
 *   active: true
 * groups:
 *   displayName: group.cn
 * </pre>
 *
 * A non-empty {@code map} replaces the default entirely. Without {@code include}, every entry is in
 * scope.
 */
public final class MappingRules {

  /** Changed when the meaning of a rule changes, so that older fingerprints no longer match. */
  private static final String FINGERPRINT_FORMAT = "scim-sync mapping rules 2";

  private final ObjectRules users;
  private final ObjectRules groups;
  private final String fingerprint;

  private MappingRules(ObjectRules users, ObjectRules groups, String fingerprint) {
    this.users = users;
    this.groups = groups;
    this.fingerprint = fingerprint;
  }

  /**
   * Compiles the rules.
   *
   * @throws MappingConfigException naming the key, for a broken expression, a call or regular
   *     expression that would fail for every entry, an unknown or conflicting target attribute, or
   *     an unknown {@code drop} attribute
   */
  public static MappingRules compile(RuleSpec users, RuleSpec groups, SanitizerProfile profile) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(profile, "profile");
    RuleCompiler compiler = new RuleCompiler();
    return new MappingRules(
        compiler.users(users, ResourceSanitizer.forUsers(profile)),
        compiler.groups(groups, ResourceSanitizer.forGroups(profile)),
        fingerprint(users, groups, profile));
  }

  /**
   * A fingerprint of the rules as written and of the profile: rules with the same fingerprint map
   * every entry alike, so a result computed under one stays valid under the other. Two rule sets
   * that differ only in layout (YAML quoting, comments) have the same fingerprint; any other
   * difference, even one with no effect (two keys swapped in a {@code map}), gives another.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * The SCIM paths the user rules set, in PATCH path syntax ({@code userName}, {@code
   * name.givenName}, {@code emails}, {@code
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}), in configuration
   * order, without the dropped ones: the attributes these rules manage. The target profile may
   * still remove some of them (AWS: {@code photos}) from every resource.
   */
  public List<String> userTargets() {
    return users.targets();
  }

  /** The SCIM paths the group rules set; see {@link #userTargets()}. */
  public List<String> groupTargets() {
    return groups.targets();
  }

  /** Maps one source user to a SCIM user (without schemas, id, externalId and meta). */
  public MappingResult mapUser(SourceEntry user) {
    return users.map(Objects.requireNonNull(user, "user"));
  }

  /** Maps one source group to a SCIM group (without schemas, id, externalId, meta and members). */
  public MappingResult mapGroup(SourceEntry group) {
    return groups.map(Objects.requireNonNull(group, "group"));
  }

  private static String fingerprint(RuleSpec users, RuleSpec groups, SanitizerProfile profile) {
    StringBuilder text = new StringBuilder(FINGERPRINT_FORMAT).append('\n');
    field(text, profile.name());
    spec(text, users);
    spec(text, groups);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void spec(StringBuilder text, RuleSpec spec) {
    field(text, spec.include() == null ? "-" : "+" + spec.include());
    field(text, Integer.toString(spec.map().size()));
    for (Map.Entry<String, String> rule : spec.map().entrySet()) {
      field(text, rule.getKey());
      field(text, rule.getValue());
    }
    field(text, Integer.toString(spec.drop().size()));
    spec.drop().forEach(attribute -> field(text, attribute));
  }

  /** A field, length first, so that no two different rule sets give the same text. */
  private static void field(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value).append('\n');
  }
}
