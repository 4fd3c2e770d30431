package org.scimsync.sources.ldif;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.sources.assembly.NestedGroups;

/**
 * An LDIF file (RFC 2849, content records only) as the directory. Every parameter documented as
 * nullable selects its default when null.
 *
 * @param path the LDIF file
 * @param userKey attribute holding the users' stable key, or {@code dn} for the normalised DN;
 *     null: {@code entryUUID} when any user entry has it, otherwise {@code dn}
 * @param groupKey the same for groups
 * @param nested how nested groups count; null: {@link NestedGroups#FLATTEN}
 * @param userObjectClasses an entry with one of these object classes is a user (case-insensitive);
 *     null: {@link #DEFAULT_USER_CLASSES}
 * @param groupObjectClasses an entry with one of these object classes is a group; this is checked
 *     before the user classes; null: {@link #DEFAULT_GROUP_CLASSES}
 * @param memberAttributes attributes of a group holding member DNs; null: {@link
 *     #DEFAULT_MEMBER_ATTRIBUTES}. They are not copied into the group's attributes: its members are
 *     {@link SourceGroup#memberKeys()}.
 * @param groupNameAttribute the attribute holding a group's name; null: {@code cn} (when an entry
 *     lacks it, the value of the first RDN is used)
 */
public record LdifSourceConfig(
    Path path,
    @Nullable String userKey,
    @Nullable String groupKey,
    NestedGroups nested,
    Set<String> userObjectClasses,
    Set<String> groupObjectClasses,
    List<String> memberAttributes,
    String groupNameAttribute) {

  /** Object classes of users unless configured otherwise. */
  public static final Set<String> DEFAULT_USER_CLASSES =
      Set.of("person", "organizationalPerson", "inetOrgPerson", "user");

  /** Object classes of groups unless configured otherwise. */
  public static final Set<String> DEFAULT_GROUP_CLASSES =
      Set.of("groupOfNames", "groupOfUniqueNames", "group");

  /** Member attributes unless configured otherwise. */
  public static final List<String> DEFAULT_MEMBER_ATTRIBUTES = List.of("member", "uniqueMember");

  /** The key value that selects the entry's normalised DN as its key. */
  public static final String DN_KEY = "dn";

  public LdifSourceConfig(
      Path path,
      @Nullable String userKey,
      @Nullable String groupKey,
      @Nullable NestedGroups nested,
      @Nullable Set<String> userObjectClasses,
      @Nullable Set<String> groupObjectClasses,
      @Nullable List<String> memberAttributes,
      @Nullable String groupNameAttribute) {
    this.path = Objects.requireNonNull(path, "path");
    this.userKey = ConfigChecks.blankToNull(userKey);
    this.groupKey = ConfigChecks.blankToNull(groupKey);
    this.nested = nested == null ? NestedGroups.FLATTEN : nested;
    this.userObjectClasses =
        ConfigChecks.lowerCase(
            userObjectClasses == null ? DEFAULT_USER_CLASSES : userObjectClasses);
    this.groupObjectClasses =
        ConfigChecks.lowerCase(
            groupObjectClasses == null ? DEFAULT_GROUP_CLASSES : groupObjectClasses);
    this.memberAttributes =
        List.copyOf(memberAttributes == null ? DEFAULT_MEMBER_ATTRIBUTES : memberAttributes);
    this.groupNameAttribute = groupNameAttribute == null ? "cn" : groupNameAttribute;
  }

  /**
   * Every setting that changes what a read returns, in the same form from one process to the next
   * (sets sorted): part of the source's version.
   */
  public String settingsText() {
    return String.join(
        "\n",
        "ldif",
        "path=" + path.toAbsolutePath().normalize(),
        "userKey=" + userKey,
        "groupKey=" + groupKey,
        "nested=" + nested,
        "userObjectClasses=" + new TreeSet<>(userObjectClasses),
        "groupObjectClasses=" + new TreeSet<>(groupObjectClasses),
        "memberAttributes=" + memberAttributes,
        "groupNameAttribute=" + groupNameAttribute);
  }

  /** The defaults for {@code path}: keys entryUUID or dn, nested groups flattened. */
  public static LdifSourceConfig of(Path path) {
    return new LdifSourceConfig(path, null, null, null, null, null, null, null);
  }

  /** A copy with the given keys (null: the default). */
  public LdifSourceConfig withKeys(@Nullable String userKey, @Nullable String groupKey) {
    return new LdifSourceConfig(
        path,
        userKey,
        groupKey,
        nested,
        userObjectClasses,
        groupObjectClasses,
        memberAttributes,
        groupNameAttribute);
  }

  /** A copy with the given nesting rule. */
  public LdifSourceConfig withNested(NestedGroups nested) {
    return new LdifSourceConfig(
        path,
        userKey,
        groupKey,
        nested,
        userObjectClasses,
        groupObjectClasses,
        memberAttributes,
        groupNameAttribute);
  }
}
