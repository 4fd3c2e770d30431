package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one JSON object in two arrays, in insertion order: a {@link Map} for {@code
 * ObjectNode} that costs a fraction of a {@code LinkedHashMap} (no entry object per field, no hash
 * table). Lookups scan the names, which is as fast for the dozen fields of a SCIM resource. Not
 * thread-safe, like the map it replaces.
 */
final class CompactFields extends AbstractMap<String, JsonNode> {

  private static final String[] NO_NAMES = new String[0];
  private static final JsonNode[] NO_VALUES = new JsonNode[0];

  private String[] names = NO_NAMES;
  private JsonNode[] values = NO_VALUES;
  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    int index = indexOf(key);
    return index < 0 ? null : values[index];
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    Objects.requireNonNull(key, "key");
    int index = indexOf(key);
    if (index >= 0) {
      JsonNode old = values[index];
      values[index] = value;
      return old;
    }
    if (size == names.length) {
      int capacity = size == 0 ? 4 : size * 2;
      names = Arrays.copyOf(names, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    names[size] = key;
    values[size] = value;
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    int index = indexOf(key);
    if (index < 0) {
      return null;
    }
    JsonNode old = values[index];
    removeAt(index);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, JsonNode>> iterator() {
        return new Fields();
      }
    };
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int index) {
    int tail = size - index - 1;
    System.arraycopy(names, index + 1, names, index, tail);
    System.arraycopy(values, index + 1, values, index, tail);
    size--;
    names[size] = null;
    values[size] = null;
  }

  private final class Fields implements Iterator<Entry<String, JsonNode>> {
    private int next;
    private int last = -1;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Entry<String, JsonNode> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Field(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException("next() first");
      }
      removeAt(last);
      next = last;
      last = -1;
    }
  }

  /** A view of one field; valid until the fields before it change. */
  private final class Field implements Entry<String, JsonNode> {
    private final int index;

    Field(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return names[index];
    }

    @Override
    public JsonNode getValue() {
      return values[index];
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      JsonNode old = values[index];
      values[index] = value;
      return old;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry<?, ?> e
          && getKey().equals(e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
