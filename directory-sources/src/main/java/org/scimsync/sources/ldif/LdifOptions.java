package org.scimsync.sources.ldif;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigValueException;

/**
 * Which entries of an LDIF file are users and groups: {@code source.ldif}. Every value documented
 * as nullable selects the default of {@link LdifSourceConfig}.
 *
 * @param userObjectClasses object classes of users; null: {@link
 *     LdifSourceConfig#DEFAULT_USER_CLASSES}
 * @param groupObjectClasses object classes of groups; null: {@link
 *     LdifSourceConfig#DEFAULT_GROUP_CLASSES}
 * @param memberAttributes attributes of a group holding member DNs; null: {@link
 *     LdifSourceConfig#DEFAULT_MEMBER_ATTRIBUTES}
 * @param groupNameAttribute the attribute holding a group's name; null: {@code cn}
 */
public record LdifOptions(
    @Nullable Set<String> userObjectClasses,
    @Nullable Set<String> groupObjectClasses,
    @Nullable List<String> memberAttributes,
    @Nullable String groupNameAttribute) {

  @JsonCreator
  public LdifOptions(
      @JsonProperty("userObjectClasses") @Nullable Set<String> userObjectClasses,
      @JsonProperty("groupObjectClasses") @Nullable Set<String> groupObjectClasses,
      @JsonProperty("memberAttributes") @Nullable List<String> memberAttributes,
      @JsonProperty("groupNameAttribute") @Nullable String groupNameAttribute) {
    requireNotEmpty("userObjectClasses", userObjectClasses);
    requireNotEmpty("groupObjectClasses", groupObjectClasses);
    requireNotEmpty("memberAttributes", memberAttributes);
    ConfigChecks.requireNonBlankIfSet("groupNameAttribute", groupNameAttribute);
    this.userObjectClasses = userObjectClasses == null ? null : Set.copyOf(userObjectClasses);
    this.groupObjectClasses = groupObjectClasses == null ? null : Set.copyOf(groupObjectClasses);
    this.memberAttributes = memberAttributes == null ? null : List.copyOf(memberAttributes);
    this.groupNameAttribute = ConfigChecks.blankToNull(groupNameAttribute);
  }

  /** Every default. */
  public static LdifOptions defaults() {
    return new LdifOptions(null, null, null, null);
  }

  static void requireNotEmpty(String key, java.util.@Nullable Collection<String> values) {
    if (values != null
        && (values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank()))) {
      throw new ConfigValueException(key, "must list at least one name, and no empty one");
    }
  }
}
