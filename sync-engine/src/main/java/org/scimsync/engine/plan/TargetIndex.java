package org.scimsync.engine.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/** Target objects indexed by id, externalId and (case-insensitive) name, for matching. */
final class TargetIndex<T> {

  private final Map<String, T> byId = new HashMap<>();
  private final Map<String, T> byExternalId = new HashMap<>();
  private final Map<String, T> byName = new HashMap<>();

  private TargetIndex(
      List<T> objects,
      Function<T, String> id,
      Function<T, @Nullable String> externalId,
      Function<T, String> name) {
    for (T object : objects) {
      byId.put(id.apply(object), object);
      String external = externalId.apply(object);
      if (external != null) {
        byExternalId.putIfAbsent(external, object);
      }
      byName.putIfAbsent(fold(name.apply(object)), object);
    }
  }

  static TargetIndex<TargetUser> users(List<TargetUser> users) {
    return new TargetIndex<>(users, TargetUser::id, TargetUser::externalId, TargetUser::userName);
  }

  static TargetIndex<TargetGroup> groups(List<TargetGroup> groups) {
    return new TargetIndex<>(
        groups, TargetGroup::id, TargetGroup::externalId, TargetGroup::displayName);
  }

  @Nullable T byId(String id) {
    return byId.get(id);
  }

  @Nullable T byExternalId(String externalId) {
    return byExternalId.get(externalId);
  }

  @Nullable T byName(String name) {
    return byName.get(fold(name));
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
