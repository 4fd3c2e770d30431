package org.scimsync.engine.state;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change as journaled before it is sent. Holds names, never attribute values that could be
 * secrets.
 *
 * @param change the kind of change, e.g. {@code CREATE_USER}, {@code PATCH_MEMBERS}
 * @param objectKind user or group
 * @param sourceKey the source key of the object
 * @param targetId the target id, null for a create
 * @param label what a person recognises: userName or displayName
 * @param attributes names of the attributes the change touches (for memberships: the number of
 *     members added/removed as {@code +N}/{@code -N})
 */
public record JournalEntry(
    String change,
    ObjectKind objectKind,
    String sourceKey,
    @Nullable String targetId,
    String label,
    List<String> attributes) {

  public JournalEntry {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(objectKind, "objectKind");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(label, "label");
    attributes = List.copyOf(attributes);
  }
}
