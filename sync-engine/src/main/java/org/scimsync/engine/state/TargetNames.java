package org.scimsync.engine.state;

import java.util.regex.Pattern;
import org.scimsync.common.ConfigValueException;

/**
 * The names of targets: one configuration may sync the directory to several SCIM targets, and one
 * state store keeps the state of each under its name. A configuration with a single {@code target:}
 * section, and a state store written before targets had names, use {@link #DEFAULT}.
 *
 * <p>A name is 1 to 63 characters: lower-case letters, digits and {@code -}, starting with a letter
 * or digit. It appears in file names (the run lock), URLs (the status page), metric labels and the
 * CLI's {@code --target}, so nothing in it needs quoting anywhere.
 */
public final class TargetNames {

  /** The name of the only target of a single {@code target:} configuration. */
  public static final String DEFAULT = "default";

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private TargetNames() {}

  /** True when {@code name} is a valid target name. */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * Returns {@code name} when valid.
   *
   * @throws ConfigValueException naming the key {@code name} when it is not
   */
  public static String check(String name) {
    if (!isValid(name)) {
      throw new ConfigValueException(
          "name",
          "'"
              + name
              + "' is not a valid target name: 1 to 63 lower-case letters, digits and '-',"
              + " starting with a letter or digit");
    }
    return name;
  }
}
