package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A group being edited under the {@link Directory}'s write lock: its attributes and members. */
public final class GroupDraft {
  private final ObjectNode attributes;
  private final LinkedHashSet<String> members;
  private final Function<String, @Nullable StoredUser> users;

  GroupDraft(
      ObjectNode attributes,
      Collection<String> members,
      Function<String, @Nullable StoredUser> users) {
    this.attributes = attributes;
    this.members = new LinkedHashSet<>(members);
    this.users = users;
  }

  /** The attributes without id, meta and members (mutable). */
  public ObjectNode attributes() {
    return attributes;
  }

  /** The member ids (mutable). */
  public Set<String> members() {
    return members;
  }

  /** Whether a user with this id exists. */
  public boolean userExists(String id) {
    return users.apply(id) != null;
  }
}
