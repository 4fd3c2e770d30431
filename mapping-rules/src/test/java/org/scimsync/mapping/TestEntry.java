package org.scimsync.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A source entry for tests: case-insensitive attributes, groups kept as given. */
final class TestEntry implements SourceEntry {

  private final String key;
  private @Nullable String dn;
  private final Map<String, List<Object>> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private List<String> groups = List.of();

  private TestEntry(String key) {
    this.key = key;
  }

  static TestEntry entry(String key) {
    return new TestEntry(key);
  }

  TestEntry dn(String value) {
    this.dn = value;
    return this;
  }

  TestEntry with(String attribute, Object... values) {
    attributes
        .computeIfAbsent(attribute, ignored -> new ArrayList<>())
        .addAll(Arrays.asList(values));
    return this;
  }

  TestEntry groups(String... names) {
    this.groups = List.of(names);
    return this;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public @Nullable String dn() {
    return dn;
  }

  @Override
  public List<Object> values(String attribute) {
    return attributes.getOrDefault(attribute, List.of());
  }

  @Override
  public List<String> groups() {
    return groups;
  }
}
