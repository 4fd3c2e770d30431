package org.scimsync.sources.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.SourceException;
import org.scimsync.sources.read.ContentVersion;
import org.scimsync.sources.read.Utf8Lines;

/**
 * One CSV file with a header row, read row by row with Jackson's CSV parser (RFC 4180 quoting) in
 * the configured delimiter and encoding. Every row must have as many fields as the header; errors
 * name the file, the line and the column, and a header that splits only with another delimiter, or
 * a file in another encoding, names the key to set. Blank lines are skipped.
 */
final class CsvTable implements Closeable {

  private static final CsvMapper MAPPER = new CsvMapper();

  private final Path file;
  private final CsvParser parser;
  private final CsvDelimiter delimiter;
  private final CsvEncoding encoding;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();

  /** A data row: its first line in the file and one cell per header column. */
  record Row(long line, List<String> cells) {}

  private CsvTable(Path file, CsvParser parser, CsvDelimiter delimiter, CsvEncoding encoding) {
    this.file = file;
    this.parser = parser;
    this.delimiter = delimiter;
    this.encoding = encoding;
    Row first = next();
    if (first == null) {
      throw invalid(1, "no header row");
    }
    List<String> names = new ArrayList<>(first.cells());
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1));
    }
    if (names.size() == 1) {
      requireNoOtherDelimiter(first.line(), names.get(0));
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim();
      names.set(i, name);
      if (name.isEmpty()) {
        throw invalid(first.line(), "column " + (i + 1) + " of the header has no name");
      }
      Integer previous = columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
      if (previous != null) {
        throw invalid(
            first.line(),
            "column "
                + (i + 1)
                + " repeats the header name "
                + name
                + " of column "
                + (previous + 1));
      }
    }
    this.header = List.copyOf(names);
  }

  /**
   * A one-column header that splits into several names with another delimiter is a file written
   * with that delimiter (Excel writes {@code ;} in much of Europe): say which key to set.
   */
  private void requireNoOtherDelimiter(long line, String header) {
    for (CsvDelimiter other : CsvDelimiter.values()) {
      if (other != delimiter && header.indexOf(other.character()) >= 0) {
        String[] names =
            header.split(java.util.regex.Pattern.quote(String.valueOf(other.character())));
        if (names.length > 1 && java.util.Arrays.stream(names).noneMatch(String::isBlank)) {
          throw invalid(
              line,
              String.format(
                  "the header %s is one column when split at '%s', but %d columns split at '%s':"
                      + " set source.csv.delimiter: \"%s\"",
                  header,
                  printable(delimiter),
                  names.length,
                  printable(other),
                  other == CsvDelimiter.TAB ? "\\t" : other.configName()));
        }
      }
    }
  }

  private static String printable(CsvDelimiter delimiter) {
    return delimiter == CsvDelimiter.TAB ? "tab" : delimiter.configName();
  }

  /**
   * Opens {@code file}, whose bytes {@code version} digests, with the given delimiter and encoding,
   * and reads its header row.
   */
  static CsvTable open(
      Path file, ContentVersion version, CsvDelimiter delimiter, CsvEncoding encoding) {
    try {
      CsvParser parser =
          (CsvParser)
              MAPPER
                  .getFactory()
                  .createParser(
                      new InputStreamReader(
                          version.reading(Files.newInputStream(file)),
                          encoding.charset().newDecoder()));
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter.character()));
      try {
        return new CsvTable(file, parser, delimiter, encoding);
      } catch (SourceException e) {
        parser.close();
        throw e;
      }
    } catch (NoSuchFileException e) {
      throw noSuchFile(file, e);
    } catch (IOException e) {
      throw new SourceException(
          SourceException.Kind.UNAVAILABLE, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The failure for a CSV file that does not exist. */
  static SourceException noSuchFile(Path file, Exception cause) {
    return new SourceException(
        SourceException.Kind.INVALID_INPUT, file + ": no such CSV file", cause);
  }

  Path file() {
    return file;
  }

  /** The column names, trimmed, in file order. */
  List<String> header() {
    return header;
  }

  /** The index of the column named {@code name} (case-insensitive), or -1. */
  int column(String name) {
    return columns.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
  }

  /** The next data row, or null at the end of the file. */
  @Nullable Row next() {
    try {
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return null;
        }
        long line = -1;
        List<String> cells = new ArrayList<>(header == null ? 8 : header.size());
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          cells.add(parser.getText());
        }
        if (token != JsonToken.END_ARRAY) {
          throw invalid(line, "unexpected " + token);
        }
        if (cells.size() == 1 && cells.get(0).isBlank()) {
          continue; // a blank line
        }
        checkWidth(line, cells);
        return new Row(line, cells);
      }
    } catch (CharacterCodingException e) {
      throw invalid(
          Utf8Lines.firstInvalidLine(file, encoding.charset()),
          "not valid " + encoding.configName() + encodingHint());
    } catch (StreamReadException e) {
      JsonLocation where = e.getLocation();
      String message = e.getOriginalMessage();
      if (where == null) {
        throw new SourceException(
            SourceException.Kind.INVALID_INPUT, file + ": malformed CSV: " + message, e);
      }
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          String.format(
              "%s line %d column %d: malformed CSV: %s",
              file, where.getLineNr(), where.getColumnNr(), message),
          e);
    } catch (IOException e) {
      throw new SourceException(
          SourceException.Kind.UNAVAILABLE, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private String encodingHint() {
    return encoding == CsvEncoding.UTF_8
        ? "; if Excel saved the file (\"CSV\" on Windows), set source.csv.encoding: windows-1252"
        : "; set source.csv.encoding to the file's encoding";
  }

  private void checkWidth(long line, List<String> cells) {
    if (header != null && cells.size() != header.size()) {
      int column = Math.min(cells.size(), header.size()) + 1;
      String name = column <= header.size() ? " (" + header.get(column - 1) + ")" : "";
      throw invalid(
          line,
          String.format(
              "column %d%s: the row has %d fields but the header has %d",
              column, name, cells.size(), header.size()));
    }
  }

  /** An INVALID_INPUT error naming this file and {@code line}. */
  SourceException invalid(long line, String message) {
    return new SourceException(
        SourceException.Kind.INVALID_INPUT, file + " line " + line + ": " + message);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new SourceException(
          SourceException.Kind.UNAVAILABLE, file + ": cannot close: " + e.getMessage(), e);
    }
  }
}
