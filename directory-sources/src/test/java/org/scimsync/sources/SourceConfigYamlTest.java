package org.scimsync.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.scimsync.common.ConfigValueException;
import org.scimsync.sources.csv.CsvDelimiter;
import org.scimsync.sources.csv.CsvEncoding;

/**
 * The {@code source} section binds from YAML to the adapters' records, as the configuration loader
 * binds it (unknown keys refused): each key added for real directories and HR exports, and the
 * {@link ConfigValueException} that names a bad one.
 */
class SourceConfigYamlTest {

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  static SourceConfig source(String yaml) throws Exception {
    return YAML.readValue(yaml, SourceConfig.class);
  }

  /** The {@link ConfigValueException} behind a refused section. */
  static ConfigValueException refusal(String yaml) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> source(yaml));
    assertThat(thrown).isNotNull();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConfigValueException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no ConfigValueException behind " + thrown, thrown);
  }

  @Test
  void csvDelimiterAndEncodingBind() throws Exception {
    SourceConfig config =
        source(
            """
            type: csv
            csv:
              users: users.csv
              delimiter: ";"
              encoding: cp1252
            """);

    assertThat(config.csv().delimiter()).isEqualTo(CsvDelimiter.SEMICOLON);
    assertThat(config.csv().encoding()).isEqualTo(CsvEncoding.WINDOWS_1252);
  }

  @Test
  void aTabIsWrittenAsTabOrAsTheCharacter() throws Exception {
    String yaml = "type: csv\ncsv:\n  users: u.csv\n  delimiter: %s\n";

    assertThat(source(yaml.formatted("tab")).csv().delimiter()).isEqualTo(CsvDelimiter.TAB);
    assertThat(source(yaml.formatted("\"\\t\"")).csv().delimiter()).isEqualTo(CsvDelimiter.TAB);
    assertThat(source("type: csv\ncsv:\n  users: u.csv\n").csv().delimiter())
        .isEqualTo(CsvDelimiter.COMMA);
    assertThat(source("type: csv\ncsv:\n  users: u.csv\n").csv().encoding())
        .isEqualTo(CsvEncoding.UTF_8);
  }

  @Test
  void anUnknownDelimiterOrEncodingNamesTheAcceptedValues() {
    assertThat(refusal("type: csv\ncsv:\n  users: u.csv\n  delimiter: \"|\"\n").getMessage())
        .contains("unknown value '|'", ", | ; | tab");
    assertThat(refusal("type: csv\ncsv:\n  users: u.csv\n  encoding: UTF-16\n").getMessage())
        .contains("unknown value 'UTF-16'", "UTF-8 | windows-1252 | ISO-8859-1");
    assertThatThrownBy(() -> source("type: csv\ncsv:\n  users: u.csv\n  encoding: ebcdic-x\n"))
        .hasMessageContaining("unknown value 'ebcdic-x'");
  }
}
