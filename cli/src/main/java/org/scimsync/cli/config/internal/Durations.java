package org.scimsync.cli.config.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scimsync.common.ConfigValueException;

/** Parses durations written as {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d}, {@code 1h30m}. */
public final class Durations {

  private static final Pattern WHOLE = Pattern.compile("(\\d+[smhd])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  private Durations() {}

  /**
   * The duration {@code text} stands for; ISO-8601 ({@code PT6H}) is accepted too.
   *
   * @throws ConfigValueException when it is not a positive duration
   */
  public static Duration parse(String text) {
    String compact = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    Duration duration;
    if (WHOLE.matcher(compact).matches()) {
      duration = Duration.ZERO;
      Matcher part = PART.matcher(compact);
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        duration =
            duration.plus(
                switch (part.group(2)) {
                  case "s" -> Duration.ofSeconds(amount);
                  case "m" -> Duration.ofMinutes(amount);
                  case "h" -> Duration.ofHours(amount);
                  default -> Duration.ofDays(amount);
                });
      }
    } else {
      try {
        duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw invalid(text);
    }
    return duration;
  }

  private static ConfigValueException invalid(String text) {
    return new ConfigValueException(
        null,
        "'" + text + "' is not a duration: use a number and a unit s, m, h or d (6h, 30m, 1d)");
  }
}
