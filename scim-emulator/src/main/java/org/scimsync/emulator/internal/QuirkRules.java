package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.scimsync.emulator.ServerQuirks;

/**
 * Applies the current {@link ServerQuirks} that shape bodies and answers (the front's quirks, on
 * chunked bodies and {@code User-Agent}, are the {@link ScimExchangeHandler}'s). Reads the quirks
 * once per decision, so a change at run time takes effect with the next request.
 */
final class QuirkRules {
  private final Supplier<ServerQuirks> quirks;

  QuirkRules(Supplier<ServerQuirks> quirks) {
    this.quirks = Objects.requireNonNull(quirks, "quirks");
  }

  /** The user attributes to store: without {@code externalId} when it is ignored. */
  ObjectNode user(ObjectNode attributes) {
    if (quirks.get().externalIdIgnored()) {
      attributes.remove("externalId");
    }
    return attributes;
  }

  /** Refuses a group create or PUT whose members a quirk refuses. */
  void groupBody(GroupRules.GroupBody body, boolean create) {
    ServerQuirks current = quirks.get();
    if (create && current.membersRefusedOnCreate() && !body.members().isEmpty()) {
      throw ScimProblem.invalidValue(ServerQuirks.MEMBERS_ON_CREATE);
    }
    memberChanges(body.members().size());
  }

  /** Refuses a request making more membership changes than the member limit. */
  void memberChanges(int changes) {
    int limit = quirks.get().memberLimitPerRequest();
    if (limit > 0 && changes > limit) {
      throw ScimProblem.invalidValue(ServerQuirks.INVALID_MEMBERS);
    }
  }

  /** The group edit followed by dropping {@code externalId} when it is ignored. */
  Consumer<GroupDraft> group(Consumer<GroupDraft> edit) {
    if (!quirks.get().externalIdIgnored()) {
      return edit;
    }
    return edit.andThen(draft -> draft.attributes().remove("externalId"));
  }

  /**
   * Whether a group read shows its members: never in the AWS profile; with {@link
   * ServerQuirks#membersOnlyOnRequest()} only when the {@code attributes} parameter names {@code
   * members}.
   */
  boolean showsMembers(boolean aws, Map<String, String> query) {
    if (aws) {
      return false;
    }
    if (!quirks.get().membersOnlyOnRequest()) {
      return true;
    }
    String attributes = query.get("attributes");
    return attributes != null
        && Arrays.stream(attributes.split(","))
            .map(name -> name.trim().toLowerCase(Locale.ROOT))
            .anyMatch(
                name ->
                    name.equals("members")
                        || name.startsWith("members.")
                        || name.endsWith(":members"));
  }

  /** Whether deleting a user leaves it in its groups. */
  boolean keepsMembershipsOfDeletedUsers() {
    return quirks.get().membershipsKeptAfterUserDelete();
  }
}
