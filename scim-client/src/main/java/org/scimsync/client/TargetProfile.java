package org.scimsync.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import org.scimsync.common.ConfigEnum;

/**
 * What the client knows about the kind of service provider it talks to. The profile decides the
 * paging style, page and batch sizes, which operations are refused locally, how members are removed
 * and the default rate limits.
 */
public enum TargetProfile implements ConfigEnum {

  /**
   * Any RFC 7644 service provider: {@code startIndex}/{@code count} paging, PUT for groups, members
   * readable, member removal with a {@code members[value eq "id"]} path, at most 100 members inline
   * on create, no client-side rate limit by default. These are starting points: the profile adapts
   * to what the target announces and answers (see {@link Capability}).
   */
  GENERIC(false, true, true, 1000, 100, RateLimits.UNLIMITED),

  /**
   * AWS IAM Identity Center: cursor paging ({@code nextCursor}, short pages are not the end),
   * {@code count <= 100}, no member reads (membership through filters), no PUT for groups, at most
   * 100 membership changes per PATCH and 100 members inline on create, never {@code replace} on
   * {@code members}, member removal with a value list; 40 reads/s and 25 writes/s per API.
   */
  AWS_IDENTITY_CENTER(true, false, false, 100, 100, new RateLimits(40, 25));

  private static final int MAX_PAGE_SIZE = 100;

  private final boolean cursorPaging;
  private final boolean supportsGroupPut;
  private final boolean membersReadable;
  private final int maxMembersPerPatch;
  private final int maxInlineMembersOnCreate;
  private final RateLimits defaultRateLimits;

  TargetProfile(
      boolean cursorPaging,
      boolean supportsGroupPut,
      boolean membersReadable,
      int maxMembersPerPatch,
      int maxInlineMembersOnCreate,
      RateLimits defaultRateLimits) {
    this.cursorPaging = cursorPaging;
    this.supportsGroupPut = supportsGroupPut;
    this.membersReadable = membersReadable;
    this.maxMembersPerPatch = maxMembersPerPatch;
    this.maxInlineMembersOnCreate = maxInlineMembersOnCreate;
    this.defaultRateLimits = defaultRateLimits;
  }

  /**
   * Parses the configuration spelling ({@code generic}, {@code aws-identity-center}).
   *
   * @param name the configured name, case-insensitive; {@code _} and {@code -} are the same
   * @return the profile
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static TargetProfile fromConfigName(String name) {
    String normalised = name.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    for (TargetProfile profile : values()) {
      if (profile.name().equals(normalised)) {
        return profile;
      }
    }
    throw new IllegalArgumentException(
        "unknown target profile '" + name + "' (known: generic, aws-identity-center)");
  }

  /**
   * The configuration spelling of this profile.
   *
   * @return {@code generic} or {@code aws-identity-center}
   */
  @Override
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Resources asked for per list request ({@code count}).
   *
   * @return 100 for both profiles
   */
  public int maxPageSize() {
    return MAX_PAGE_SIZE;
  }

  /**
   * Membership changes (added plus removed members) sent in one PATCH request.
   *
   * @return 100 for AWS, 1000 for generic
   */
  public int maxMembersPerPatch() {
    return maxMembersPerPatch;
  }

  /**
   * Members sent inline when a group is created; the rest follow as PATCH requests.
   *
   * @return 100 for both profiles (generic: unless it learns otherwise)
   */
  public int maxInlineMembersOnCreate() {
    return maxInlineMembersOnCreate;
  }

  /**
   * Whether {@code PUT /Groups/{id}} is allowed.
   *
   * @return false for AWS
   */
  public boolean supportsGroupPut() {
    return supportsGroupPut;
  }

  /**
   * Whether group reads return their members.
   *
   * @return false for AWS, where membership is only visible through filters
   */
  public boolean membersReadable() {
    return membersReadable;
  }

  /**
   * Whether lists are paged with {@code cursor}/{@code nextCursor} rather than {@code
   * startIndex}/{@code count}.
   *
   * @return true for AWS
   */
  public boolean cursorPaging() {
    return cursorPaging;
  }

  /**
   * Whether member removals are sent as one {@code remove} on {@code members} with a value list
   * (AWS) rather than one {@code remove} per member with a {@code members[value eq "id"]} path (RFC
   * 7644).
   *
   * @return true for AWS
   */
  public boolean removesMembersByValueList() {
    return this == AWS_IDENTITY_CENTER;
  }

  /**
   * Whether {@code replace} on {@code members} is refused locally (AWS answers 400 to it).
   *
   * @return true for AWS
   */
  public boolean forbidsMemberReplace() {
    return this == AWS_IDENTITY_CENTER;
  }

  /**
   * The client-side rate limits used when the configuration sets none.
   *
   * @return 40 reads/s and 25 writes/s per API for AWS, unlimited for generic
   */
  public RateLimits defaultRateLimits() {
    return defaultRateLimits;
  }

  @JsonCreator
  static TargetProfile fromConfig(String text) {
    return ConfigEnum.parse(TargetProfile.class, text);
  }
}
