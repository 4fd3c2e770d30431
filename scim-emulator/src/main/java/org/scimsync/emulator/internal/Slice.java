package org.scimsync.emulator.internal;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the resources on this page, in creation order
 * @param hasMore whether more resources follow this page
 * @param total how many resources the selection holds (for {@code totalResults})
 * @param <T> the resource type
 */
public record Slice<T>(List<T> items, boolean hasMore, int total) {
  /** Copies the items. */
  public Slice {
    items = List.copyOf(items);
  }
}
