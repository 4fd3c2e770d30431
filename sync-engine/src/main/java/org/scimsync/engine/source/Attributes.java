package org.scimsync.engine.source;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Builds the immutable, case-insensitive attribute maps of source entries. */
public final class Attributes {

  private Attributes() {}

  /**
   * An immutable copy of {@code attributes} whose keys are looked up case-insensitively and whose
   * value lists are immutable. Empty value lists are dropped. A map made here or by a {@link
   * Builder} is immutable already and returned as it is.
   */
  public static Map<String, List<Object>> copyOf(Map<String, List<Object>> attributes) {
    if (attributes instanceof Frozen) {
      return attributes;
    }
    Builder copy = new Builder();
    attributes.forEach(copy::put);
    return copy.build();
  }

  /**
   * Collects the attributes of one entry without copying them again when they become a {@link
   * SourceUser} or {@link SourceGroup}: {@link #build()} hands over the collected map. Not
   * thread-safe; use each builder once.
   */
  public static final class Builder {

    private @Nullable TreeMap<String, List<Object>> attributes =
        new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Sets the values of {@code name} (an empty list removes it). */
    public Builder put(String name, List<Object> values) {
      if (values.isEmpty()) {
        open().remove(name);
      } else {
        open().put(name, List.copyOf(values));
      }
      return this;
    }

    /** Sets the values of {@code name} unless it has some already. */
    public Builder putIfAbsent(String name, List<Object> values) {
      if (!open().containsKey(name)) {
        put(name, values);
      }
      return this;
    }

    /** Appends {@code values} to those of {@code name} (an attribute listed with two options). */
    public Builder add(String name, List<Object> values) {
      List<Object> known = open().get(name);
      if (known == null) {
        return put(name, values);
      }
      Object[] both = new Object[known.size() + values.size()];
      int i = 0;
      for (Object value : known) {
        both[i++] = value;
      }
      for (Object value : values) {
        both[i++] = value;
      }
      open().put(name, List.of(both));
      return this;
    }

    /** The values of {@code name} collected so far, or null. */
    public @Nullable List<Object> get(String name) {
      return open().get(name);
    }

    /** The immutable, case-insensitive map of what was collected; the builder is then spent. */
    public Map<String, List<Object>> build() {
      Frozen frozen = new Frozen(open());
      attributes = null;
      return frozen;
    }

    private TreeMap<String, List<Object>> open() {
      if (attributes == null) {
        throw new IllegalStateException("attributes already built");
      }
      return attributes;
    }
  }

  /** The immutable map that {@link #copyOf} and {@link Builder#build()} return. */
  private static final class Frozen extends AbstractMap<String, List<Object>> {

    private final TreeMap<String, List<Object>> attributes;

    Frozen(TreeMap<String, List<Object>> attributes) {
      this.attributes = attributes;
    }

    @Override
    public @Nullable List<Object> get(@Nullable Object name) {
      return name instanceof String ? attributes.get(name) : null;
    }

    @Override
    public boolean containsKey(@Nullable Object name) {
      return name instanceof String && attributes.containsKey(name);
    }

    @Override
    public int size() {
      return attributes.size();
    }

    @Override
    public Set<Entry<String, List<Object>>> entrySet() {
      return Collections.unmodifiableMap(attributes).entrySet();
    }

    @Override
    public Set<String> keySet() {
      return Collections.unmodifiableSet(attributes.keySet());
    }
  }
}
