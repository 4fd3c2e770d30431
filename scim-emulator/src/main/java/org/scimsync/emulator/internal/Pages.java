package org.scimsync.emulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/** Cuts pages out of ordered resources: O(page) for a plain walk, O(matches) for a filter. */
final class Pages {
  private Pages() {}

  static <T> Collection<T> single(@Nullable T item) {
    return item == null ? List.of() : List.of(item);
  }

  static <T> Slice<T> page(Collection<T> ordered, int total, int skip, int limit) {
    List<T> items = new ArrayList<>(Math.min(limit, 1000));
    Iterator<T> it = ordered.iterator();
    for (int i = 0; i < skip && it.hasNext(); i++) {
      it.next();
    }
    while (items.size() < limit && it.hasNext()) {
      items.add(it.next());
    }
    return new Slice<>(items, it.hasNext(), total);
  }

  static <T> Slice<T> matching(
      Collection<T> candidates,
      Predicate<T> test,
      ToLongFunction<T> seq,
      long afterSeq,
      int skip,
      int limit) {
    List<T> all = new ArrayList<>();
    for (T candidate : candidates) {
      if (test.test(candidate)) {
        all.add(candidate);
      }
    }
    all.sort(Comparator.comparingLong(seq));
    List<T> after = all.stream().filter(t -> seq.applyAsLong(t) > afterSeq).toList();
    return page(after, all.size(), skip, limit);
  }
}
