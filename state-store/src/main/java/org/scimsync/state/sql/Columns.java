package org.scimsync.state.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How values are written to and read from columns. */
final class Columns {

  /** UTC, nine fraction digits: fixed width, so timestamps sort as text and round-trip exactly. */
  private static final DateTimeFormatter INSTANT =
      new DateTimeFormatterBuilder().appendInstant(9).toFormatter(Locale.ROOT);

  /** Length of {@code 2026-11-23T13:16:14.123456789Z}. */
  private static final int FIXED_WIDTH = 30;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes objects with their keys sorted: one resource always gives the same text. */
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private Columns() {}

  /** A list of strings as a JSON array. */
  static String json(List<String> strings) {
    try {
      return JSON.writeValueAsString(strings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }

  /** A JSON array of strings, as written by {@link #json} or SQLite's {@code json_group_array}. */
  static List<String> strings(String json) throws SQLException {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new SQLException("not a JSON array of strings: " + e.getOriginalMessage(), e);
    }
  }

  /** A SCIM resource as canonical JSON text (keys sorted, no whitespace). */
  static String resource(ObjectNode resource) {
    try {
      return CANONICAL.writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** A resource written by {@link #resource(ObjectNode)}; null when the text is not an object. */
  static @Nullable ObjectNode resource(String json) {
    try {
      return JSON.readTree(json) instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static String text(Instant instant) {
    return INSTANT.format(instant);
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    return instant(rows.getString(column));
  }

  static @Nullable Instant nullableInstant(ResultSet rows, String column) throws SQLException {
    String value = rows.getString(column);
    return value == null ? null : instant(value);
  }

  /**
   * Reads a timestamp written by {@link #text(Instant)}. The fixed-width form is read by hand:
   * {@link Instant#parse} costs microseconds each, which is most of loading 60,000 links.
   */
  static Instant instant(String text) {
    if (text.length() != FIXED_WIDTH || text.charAt(FIXED_WIDTH - 1) != 'Z') {
      return Instant.parse(text);
    }
    try {
      return LocalDateTime.of(
              digits(text, 0, 4, '-'),
              digits(text, 5, 7, '-'),
              digits(text, 8, 10, 'T'),
              digits(text, 11, 13, ':'),
              digits(text, 14, 16, ':'),
              digits(text, 17, 19, '.'),
              digits(text, 20, 29, 'Z'))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException | NumberFormatException e) {
      return Instant.parse(text);
    }
  }

  private static int digits(String text, int from, int to, char separator) {
    if (text.charAt(to) != separator) {
      throw new NumberFormatException(text);
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static @Nullable Integer nullableInt(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  static void setNullableInt(PreparedStatement statement, int index, @Nullable Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  static void setNullableText(PreparedStatement statement, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
