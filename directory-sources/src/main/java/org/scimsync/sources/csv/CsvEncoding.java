package org.scimsync.sources.csv;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.scimsync.common.ConfigEnum;
import org.scimsync.common.ConfigValueException;

/**
 * The character encoding of the CSV files: {@code source.csv.encoding}. The usual names and aliases
 * are accepted ({@code utf8}, {@code cp1252}, {@code latin1}).
 */
public enum CsvEncoding implements ConfigEnum {
  /** UTF-8, with or without a byte order mark (the default). */
  UTF_8(StandardCharsets.UTF_8),
  /** Windows-1252: what Excel's "CSV (comma delimited)" writes on a Western-European Windows. */
  WINDOWS_1252(Charset.forName("windows-1252")),
  /** ISO-8859-1 (Latin-1): older Unix exports. */
  ISO_8859_1(StandardCharsets.ISO_8859_1);

  private final Charset charset;

  CsvEncoding(Charset charset) {
    this.charset = charset;
  }

  /** The Java character set. */
  public Charset charset() {
    return charset;
  }

  @Override
  public String configName() {
    return charset.name();
  }

  @JsonCreator
  static CsvEncoding fromConfig(String text) {
    try {
      Charset named = Charset.forName(text.trim());
      for (CsvEncoding encoding : values()) {
        if (encoding.charset.equals(named)) {
          return encoding;
        }
      }
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      // not a character set at all: the same answer as one that is not supported
    }
    throw new ConfigValueException(
        null, "unknown value '" + text + "', expected one of: UTF-8 | windows-1252 | ISO-8859-1");
  }
}
