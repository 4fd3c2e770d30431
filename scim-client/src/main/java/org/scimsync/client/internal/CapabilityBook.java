package org.scimsync.client.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.Capability;
import org.scimsync.client.KnownCapability;
import org.scimsync.client.TargetCapabilities;
import org.scimsync.client.TargetProfile;

/**
 * What the client knows of its target's capabilities, from four sources in this order: the
 * configuration ({@code target.capabilities}), what this run learned from the target's answers,
 * what earlier runs learned (kept in the state store), and what the target announces about itself.
 * Only the {@code generic} profile adapts; under {@code aws-identity-center} every answer is the
 * profile's. Thread-safe: learning replaces an immutable snapshot.
 */
public final class CapabilityBook {

  private static final String CONFIGURED = "target.capabilities";
  private static final String LEARNED = "learned this run";
  private static final String REMEMBERED = "learned by an earlier run";
  private static final String ANNOUNCED = "announced by the target";

  private final TargetProfile profile;
  private final TargetCapabilities configured;
  private volatile TargetCapabilities learned = TargetCapabilities.NONE;
  private volatile TargetCapabilities remembered = TargetCapabilities.NONE;
  private volatile TargetCapabilities announced = TargetCapabilities.NONE;

  /**
   * Creates the book.
   *
   * @param profile the target profile
   * @param configured the capabilities the configuration sets
   */
  public CapabilityBook(TargetProfile profile, TargetCapabilities configured) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.configured = Objects.requireNonNull(configured, "configured");
  }

  /**
   * Whether this profile adapts to what it learns.
   *
   * @return true for {@code generic}
   */
  public boolean adapts() {
    return profile == TargetProfile.GENERIC;
  }

  /**
   * Replaces what the target announces about itself.
   *
   * @param values the announced capabilities
   */
  public void announced(TargetCapabilities values) {
    this.announced = Objects.requireNonNull(values, "values");
  }

  /**
   * Replaces what earlier runs learned.
   *
   * @param values the remembered capabilities
   */
  public void remembered(TargetCapabilities values) {
    this.remembered = Objects.requireNonNull(values, "values");
  }

  /**
   * Records something learned from the target's answers in this run.
   *
   * @param capability the capability
   * @param value its value
   */
  public synchronized void learn(Capability capability, String value) {
    if (adapts()) {
      learned = learned.with(capability, value);
    }
  }

  /**
   * What earlier runs and this one learned, for the next run.
   *
   * @return the learned capabilities (this run's win)
   */
  public TargetCapabilities learnedSoFar() {
    TargetCapabilities all = remembered;
    for (Map.Entry<String, String> entry : learned.asConfigMap().entrySet()) {
      all = all.with(Capability.fromConfigName(entry.getKey()), entry.getValue());
    }
    return all;
  }

  /**
   * The value of a capability, from the first source that knows it; the profile's answers are the
   * callers'.
   *
   * @param capability the capability
   * @return the value, or null when nothing says
   */
  public @Nullable String value(Capability capability) {
    if (!adapts()) {
      return null;
    }
    for (TargetCapabilities source : List.of(configured, learned, remembered, announced)) {
      String value = source.value(capability);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * Whether the value of a capability comes from the configuration or from the target's answers
   * (not only from what the target announces).
   *
   * @param capability the capability
   * @return true when configured or learned
   */
  public boolean settled(Capability capability) {
    return configured.value(capability) != null
        || learned.value(capability) != null
        || remembered.value(capability) != null;
  }

  private boolean flag(Capability capability, boolean otherwise) {
    String value = value(capability);
    return value == null ? otherwise : Boolean.parseBoolean(value);
  }

  private int count(Capability capability, int otherwise) {
    String value = value(capability);
    return value == null ? otherwise : Integer.parseInt(value);
  }

  /**
   * Resources asked for per list request.
   *
   * @return the profile's page size, lowered to {@code maxResults}
   */
  public int pageSize() {
    return Math.min(profile.maxPageSize(), count(Capability.MAX_RESULTS, profile.maxPageSize()));
  }

  /**
   * Whether lists are paged by cursor.
   *
   * @return the paging style
   */
  public boolean cursorPaging() {
    String paging = value(Capability.PAGING);
    return paging == null ? profile.cursorPaging() : paging.equals("cursor");
  }

  /**
   * Members sent with a group create.
   *
   * @return 0 when the target takes no members on create
   */
  public int inlineMembersOnCreate() {
    if (!adapts()) {
      return profile.maxInlineMembersOnCreate();
    }
    if (!flag(Capability.MEMBERS_ON_CREATE, true)) {
      return 0;
    }
    return Math.min(profile.maxInlineMembersOnCreate(), maxMembersPerPatch());
  }

  /**
   * Membership changes per PATCH request.
   *
   * @return the learned or configured limit, else the profile's
   */
  public int maxMembersPerPatch() {
    return count(Capability.MAX_MEMBERS_PER_REQUEST, profile.maxMembersPerPatch());
  }

  /**
   * Whether members are removed with a value list.
   *
   * @return the removal style
   */
  public boolean removesMembersByValueList() {
    String removal = value(Capability.MEMBER_REMOVAL);
    return removal == null ? profile.removesMembersByValueList() : removal.equals("value-list");
  }

  /**
   * Whether filters can be sent.
   *
   * @return false when the target has none
   */
  public boolean filterSupported() {
    return flag(Capability.FILTER, true);
  }

  /**
   * Whether group reads show members only when asked for them.
   *
   * @return true when {@code attributes=members} is needed
   */
  public boolean membersOnRequest() {
    return flag(Capability.MEMBERS_ON_REQUEST, false);
  }

  /**
   * Whether deleting a user removes it from its groups.
   *
   * @return true for AWS; for generic only when configured or learned
   */
  public boolean membershipsDroppedWithUser() {
    return adapts() ? flag(Capability.MEMBERSHIPS_DROPPED_WITH_USER, false) : true;
  }

  /**
   * Attribute paths of one resource type the target does not keep as sent.
   *
   * @param groups true for groups, false for users
   * @return the paths, with {@code externalId} when it is not stored
   */
  public Set<String> attributesNotKept(boolean groups) {
    Set<String> paths = new TreeSet<>();
    String listed =
        value(groups ? Capability.GROUP_ATTRIBUTES_NOT_KEPT : Capability.USER_ATTRIBUTES_NOT_KEPT);
    if (listed != null && !listed.isEmpty()) {
      paths.addAll(Arrays.asList(listed.split(",")));
    }
    if (!flag(Capability.EXTERNAL_ID_STORED, true)) {
      paths.add("externalId");
    }
    return paths;
  }

  /**
   * Every capability known, with its source, for {@code validate}.
   *
   * @return the capabilities in declaration order
   */
  public List<KnownCapability> describe() {
    List<KnownCapability> known = new ArrayList<>();
    for (Capability capability : Capability.values()) {
      @Nullable String[][] layers = {
        {configured.value(capability), CONFIGURED},
        {learned.value(capability), LEARNED},
        {remembered.value(capability), REMEMBERED},
        {announced.value(capability), ANNOUNCED}
      };
      for (String[] layer : layers) {
        if (layer[0] != null) {
          known.add(new KnownCapability(capability, layer[0], layer[1]));
          break;
        }
      }
    }
    return known;
  }
}
