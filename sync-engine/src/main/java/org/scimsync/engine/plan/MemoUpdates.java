package org.scimsync.engine.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.mapping.MappingResult;

/**
 * The memo's update: a user mapped without warnings is remembered (unless the memo has it as it
 * is), one remembered stays, and every other user the memo has is forgotten.
 */
final class MemoUpdates {

  private final @Nullable MappingMemo memo;
  private final Map<String, MappingMemo.Entry> put = new HashMap<>();
  private final Set<String> kept = new HashSet<>();
  private int rememberedCount;

  MemoUpdates(@Nullable MappingMemo memo) {
    this.memo = memo;
  }

  /**
   * Counts one user: remembered (its memo entry given), or mapped now ({@code result}, with its
   * content hash) from an entry of that fingerprint.
   */
  void add(
      String key,
      @Nullable String fingerprint,
      MappingMemo.@Nullable Entry remembered,
      @Nullable MappingResult result,
      String hash) {
    if (memo == null || fingerprint == null) {
      return;
    }
    if (remembered != null) {
      kept.add(key);
      rememberedCount++;
    } else if (result instanceof MappingResult.Mapped mapped && mapped.warnings().isEmpty()) {
      String userName = mapped.resource().path("userName").asText("");
      if (!userName.isEmpty()) {
        MappingMemo.Entry entry = new MappingMemo.Entry(fingerprint, userName, hash);
        kept.add(key);
        if (!entry.equals(memo.users().get(key))) {
          put.put(key, entry);
        }
      }
    }
  }

  /** How many users were remembered. */
  int remembered() {
    return rememberedCount;
  }

  MappingMemo.@Nullable Update update() {
    if (memo == null) {
      return null;
    }
    Set<String> forget = new HashSet<>(memo.users().keySet());
    forget.removeAll(kept);
    return new MappingMemo.Update(memo.rulesFingerprint(), put, forget);
  }
}
