package org.scimsync.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumerated configuration value spelled in the file as {@link #configName()}. */
public interface ConfigEnum {

  /** How the value is written in the configuration file. */
  String configName();

  /**
   * The constant of {@code type} spelled {@code text} (case-insensitive).
   *
   * @throws ConfigValueException naming the accepted values
   */
  static <E extends Enum<E> & ConfigEnum> E parse(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.configName().equalsIgnoreCase(text.trim())) {
        return constant;
      }
    }
    String accepted =
        Arrays.stream(type.getEnumConstants())
            .map(ConfigEnum::configName)
            .collect(Collectors.joining(" | "));
    throw new ConfigValueException(
        null, "unknown value '" + text + "', expected one of: " + accepted);
  }
}
