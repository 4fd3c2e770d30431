package org.scimsync.emulator;

/**
 * Behaviours of real SCIM servers that the emulator can switch on, each off by default ({@link
 * #none()}). They apply whatever the {@link EmulatorProfile}; the member quirks are meant for
 * {@link EmulatorProfile#RFC7644}, where they imitate servers seen in the field. Settable at start
 * ({@link ScimEmulator.Builder#quirks}), at run time ({@link ScimEmulator#quirks(ServerQuirks)},
 * {@code PUT /admin/quirks}) and by {@link EmulatorMain} options.
 *
 * @param patchNeedsUserAgent a PATCH without a {@code User-Agent} header is refused with 403, as an
 *     AWS-fronting filter was reported to block it (PingFederate AWS connector notes); checked
 *     before authentication, like a web application firewall would
 * @param chunkedBodiesRefused a request whose body is sent with {@code Transfer-Encoding: chunked}
 *     is refused with 411 Length Required, like strict API gateways and proxies
 * @param membersRefusedOnCreate a group create carrying members is refused with 400 {@value
 *     #MEMBERS_ON_CREATE}: members must be added by PATCH afterwards
 * @param memberLimitPerRequest the most members a group create may carry, and the most membership
 *     changes a group PATCH may make; more answers 400 {@value #INVALID_MEMBERS}. 0 for no limit
 *     (the AWS profile's own limit of 100 applies regardless)
 * @param membershipsKeptAfterUserDelete deleting a user leaves it listed as a member of its groups
 * @param externalIdIgnored {@code externalId} of users and groups is accepted but never stored, so
 *     it is never returned and never matches a filter
 * @param membersOnlyOnRequest a group is read (GET and list) with its members only when the {@code
 *     attributes} parameter names {@code members}
 */
public record ServerQuirks(
    boolean patchNeedsUserAgent,
    boolean chunkedBodiesRefused,
    boolean membersRefusedOnCreate,
    int memberLimitPerRequest,
    boolean membershipsKeptAfterUserDelete,
    boolean externalIdIgnored,
    boolean membersOnlyOnRequest) {

  /** The detail of the 400 answered for members in a group create. */
  public static final String MEMBERS_ON_CREATE = "Managing members on updates are not supported";

  /** The detail of the 400 answered for too many members in one request. */
  public static final String INVALID_MEMBERS = "One or more Group members are invalid";

  /** Validates the settings. */
  public ServerQuirks {
    if (memberLimitPerRequest < 0) {
      throw new EmulatorException(
          EmulatorException.Kind.INVALID_INPUT, "memberLimitPerRequest must be 0 or more");
    }
  }

  /** No quirks: the profile's own behaviour only. */
  public static ServerQuirks none() {
    return new ServerQuirks(false, false, false, 0, false, false, false);
  }

  /** A copy that does or does not refuse a PATCH without {@code User-Agent}. */
  public ServerQuirks withPatchNeedsUserAgent(boolean value) {
    return new ServerQuirks(
        value,
        chunkedBodiesRefused,
        membersRefusedOnCreate,
        memberLimitPerRequest,
        membershipsKeptAfterUserDelete,
        externalIdIgnored,
        membersOnlyOnRequest);
  }

  /** A copy that does or does not refuse chunked request bodies (411). */
  public ServerQuirks withChunkedBodiesRefused(boolean value) {
    return new ServerQuirks(
        patchNeedsUserAgent,
        value,
        membersRefusedOnCreate,
        memberLimitPerRequest,
        membershipsKeptAfterUserDelete,
        externalIdIgnored,
        membersOnlyOnRequest);
  }

  /** A copy that does or does not refuse members in a group create. */
  public ServerQuirks withMembersRefusedOnCreate(boolean value) {
    return new ServerQuirks(
        patchNeedsUserAgent,
        chunkedBodiesRefused,
        value,
        memberLimitPerRequest,
        membershipsKeptAfterUserDelete,
        externalIdIgnored,
        membersOnlyOnRequest);
  }

  /** A copy with another member limit per request (0 = none). */
  public ServerQuirks withMemberLimitPerRequest(int value) {
    return new ServerQuirks(
        patchNeedsUserAgent,
        chunkedBodiesRefused,
        membersRefusedOnCreate,
        value,
        membershipsKeptAfterUserDelete,
        externalIdIgnored,
        membersOnlyOnRequest);
  }

  /** A copy that does or does not keep a deleted user in its groups. */
  public ServerQuirks withMembershipsKeptAfterUserDelete(boolean value) {
    return new ServerQuirks(
        patchNeedsUserAgent,
        chunkedBodiesRefused,
        membersRefusedOnCreate,
        memberLimitPerRequest,
        value,
        externalIdIgnored,
        membersOnlyOnRequest);
  }

  /** A copy that does or does not drop {@code externalId}. */
  public ServerQuirks withExternalIdIgnored(boolean value) {
    return new ServerQuirks(
        patchNeedsUserAgent,
        chunkedBodiesRefused,
        membersRefusedOnCreate,
        memberLimitPerRequest,
        membershipsKeptAfterUserDelete,
        value,
        membersOnlyOnRequest);
  }

  /** A copy that does or does not list group members only on request. */
  public ServerQuirks withMembersOnlyOnRequest(boolean value) {
    return new ServerQuirks(
        patchNeedsUserAgent,
        chunkedBodiesRefused,
        membersRefusedOnCreate,
        memberLimitPerRequest,
        membershipsKeptAfterUserDelete,
        externalIdIgnored,
        value);
  }
}
