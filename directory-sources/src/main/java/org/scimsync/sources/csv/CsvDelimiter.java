package org.scimsync.sources.csv;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.scimsync.common.ConfigEnum;
import org.scimsync.common.ConfigValueException;

/**
 * What separates the fields of a CSV file: {@code source.csv.delimiter}. Excel writes {@code ;}
 * where the decimal separator is a comma (much of Europe), {@code ,} elsewhere; a "Unicode text"
 * export is tab-separated.
 */
public enum CsvDelimiter implements ConfigEnum {
  /** {@code ,} (RFC 4180, the default). */
  COMMA(',', ","),
  /** {@code ;} (Excel in locales whose decimal separator is a comma). */
  SEMICOLON(';', ";"),
  /** A tab, written {@code tab} or {@code "\t"}. */
  TAB('\t', "tab");

  private final char character;
  private final String configName;

  CsvDelimiter(char character, String configName) {
    this.character = character;
    this.configName = configName;
  }

  /** The separating character. */
  public char character() {
    return character;
  }

  @Override
  public String configName() {
    return configName;
  }

  @JsonCreator
  static CsvDelimiter fromConfig(String text) {
    if (text.equals("\t")) {
      return TAB;
    }
    if (text.isEmpty()) {
      throw new ConfigValueException(null, "must not be empty: , | ; | tab");
    }
    return ConfigEnum.parse(CsvDelimiter.class, text);
  }
}
