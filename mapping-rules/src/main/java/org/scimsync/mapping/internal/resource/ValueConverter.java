package org.scimsync.mapping.internal.resource;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.internal.schema.ScimAttribute;

/**
 * Converts an expression result into the JSON value of an attribute: strings, booleans, lists and
 * sorted maps ({@link TreeMap}) only.
 *
 * <ul>
 *   <li>null, an empty list and an object whose values are all null mean "no value";
 *   <li>a string attribute takes a string, or a number written in decimal;
 *   <li>a boolean attribute takes true or false;
 *   <li>a complex attribute takes a map whose keys are its sub-attributes (case-insensitive; null
 *       values are left out);
 *   <li>a multi-valued attribute takes a list (a single map is a list of one); elements without a
 *       {@code value} are left out, with a warning;
 *   <li>binary values ({@code byte[]}) and other objects are refused.
 * </ul>
 */
public final class ValueConverter {

  private ValueConverter() {}

  /**
   * Converts {@code raw} for {@code attribute}.
   *
   * @param label how warnings and errors name the attribute, e.g. {@code emails}
   * @param warnings where to add warnings
   * @return the JSON value, or null for no value
   * @throws InvalidValueException when the value does not fit the attribute
   */
  public static @Nullable Object convert(
      @Nullable Object raw, ScimAttribute attribute, String label, List<String> warnings) {
    if (raw == null) {
      return null;
    }
    if (!attribute.multiValued()) {
      return single(raw, attribute, label);
    }
    List<Object> items = elements(raw, label);
    List<Object> values = new ArrayList<>(items.size());
    for (Object item : items) {
      Object value = item == null ? null : single(item, attribute, label);
      if (value == null) {
        continue;
      }
      if (attribute.hasValueSubAttribute() && !((Map<?, ?>) value).containsKey("value")) {
        warnings.add(label + ": an element without 'value' was left out");
        continue;
      }
      values.add(value);
    }
    return values.isEmpty() ? null : values;
  }

  private static List<Object> elements(Object raw, String label) {
    if (raw instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (raw instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (raw instanceof Map<?, ?>) {
      return List.of(raw);
    }
    if (raw.getClass().isArray() && !(raw instanceof byte[])) {
      int length = Array.getLength(raw);
      List<Object> list = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        list.add(Array.get(raw, i));
      }
      return list;
    }
    throw new InvalidValueException(
        label + " must be a list of objects, got " + ValueConverter.describe(raw));
  }

  private static @Nullable Object single(Object raw, ScimAttribute attribute, String label) {
    switch (attribute.type()) {
      case COMPLEX:
        return complex(raw, attribute, label);
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        throw new InvalidValueException(
            label + " must be true or false, got " + ValueConverter.describe(raw));
      case STRING:
      default:
        if (raw instanceof String) {
          return raw;
        }
        if (raw instanceof Number number) {
          return decimal(number, label);
        }
        if (raw instanceof Character) {
          return raw.toString();
        }
        throw new InvalidValueException(
            label + " must be a string, got " + ValueConverter.describe(raw));
    }
  }

  private static @Nullable Object complex(Object raw, ScimAttribute attribute, String label) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new InvalidValueException(
          label + " must be an object, got " + ValueConverter.describe(raw));
    }
    TreeMap<String, Object> object = new TreeMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      ScimAttribute sub = attribute.subAttribute(name);
      if (sub == null) {
        throw new InvalidValueException(label + " has an unknown sub-attribute '" + name + "'");
      }
      Object value =
          entry.getValue() == null ? null : single(entry.getValue(), sub, label + "." + sub.name());
      if (value != null) {
        object.put(sub.name(), value);
      }
    }
    return object.isEmpty() ? null : object;
  }

  private static String decimal(Number number, String label) {
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new InvalidValueException(label + " must be a finite number, got " + value);
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
    if (number instanceof BigDecimal big) {
      return big.stripTrailingZeros().toPlainString();
    }
    return number.toString();
  }

  /** Names the type of a value for a message, without its content. */
  public static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[]) {
      return "binary data (not a valid SCIM value)";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      return "a list";
    }
    return "a value of type " + value.getClass().getSimpleName();
  }
}
