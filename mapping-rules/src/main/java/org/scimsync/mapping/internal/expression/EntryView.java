package org.scimsync.mapping.internal.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.SourceEntry;

/**
 * What {@code user} and {@code group} are inside an expression: a read-only view of a {@link
 * SourceEntry}.
 *
 * <p>Property access ({@code user.mail}, {@code user['x-attr']}) goes through {@link #get(String)}:
 * {@code dn}, {@code key} and {@code groups} are the entry's DN, key and group names; any other
 * name is the first value of that attribute, or null. The sandbox lets expressions call only {@link
 * #all}, {@link #first}, {@link #fromGroups} and {@link #fromGroupPrefix}.
 */
public final class EntryView {

  private final SourceEntry entry;

  /** Wraps one entry for the duration of one mapping. */
  public EntryView(SourceEntry entry) {
    this.entry = Objects.requireNonNull(entry, "entry");
  }

  /** Property access: {@code dn}, {@code key}, {@code groups}, or an attribute's first value. */
  public @Nullable Object get(String name) {
    switch (name) {
      case "dn":
        return entry.dn();
      case "key":
        return entry.key();
      case "groups":
        return entry.groups();
      default:
        return first(name);
    }
  }

  /** Every value of the attribute, in source order; an empty list when it has none. */
  public List<Object> all(String attribute) {
    return entry.values(attribute);
  }

  /** The first value of the attribute, or null; also reaches attributes named like {@code dn}. */
  public @Nullable Object first(String attribute) {
    List<Object> values = entry.values(attribute);
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * The value for the entry's last group, in name order, that is a key of {@code valuesByGroup}:
   * later groups override earlier ones. Null when the entry is in none of them. Group names match
   * exactly (case-sensitive).
   */
  public @Nullable Object fromGroups(Map<?, ?> valuesByGroup) {
    List<String> groups = groupsInNameOrder();
    for (int i = groups.size() - 1; i >= 0; i--) {
      String group = groups.get(i);
      if (valuesByGroup.containsKey(group)) {
        return valuesByGroup.get(group);
      }
    }
    return null;
  }

  /**
   * The rest of the name of the entry's last group, in name order, whose name starts with {@code
   * prefix}: later groups override earlier ones. Null when no group name starts with it.
   */
  public @Nullable String fromGroupPrefix(String prefix) {
    List<String> groups = groupsInNameOrder();
    for (int i = groups.size() - 1; i >= 0; i--) {
      String group = groups.get(i);
      if (group.startsWith(prefix)) {
        return group.substring(prefix.length());
      }
    }
    return null;
  }

  private List<String> groupsInNameOrder() {
    List<String> groups = entry.groups();
    for (int i = 1; i < groups.size(); i++) {
      if (groups.get(i - 1).compareTo(groups.get(i)) > 0) {
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(null);
        return sorted;
      }
    }
    return groups;
  }

  @Override
  public String toString() {
    return "entry " + entry.key();
  }
}
