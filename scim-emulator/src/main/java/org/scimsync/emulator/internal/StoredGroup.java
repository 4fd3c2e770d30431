package org.scimsync.emulator.internal;

import org.jspecify.annotations.Nullable;

/**
 * A group as the directory keeps it; its members live in the {@link GroupTable}.
 *
 * @param seq creation order, the key of cursor paging
 * @param id the assigned id
 * @param displayName the display name
 * @param externalId the external id, if any
 * @param json the representation WITHOUT members, as UTF-8 bytes
 */
public record StoredGroup(
    long seq, String id, String displayName, @Nullable String externalId, byte[] json) {}
