package org.scimsync.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The {@code User-Agent} every request carries, {@code scim-sync/<version>}: some SCIM endpoints
 * and gateways block requests without one (a PATCH without it has been reported refused by AWS).
 * The version comes from {@code version.properties} (filtered by Maven), else the jar manifest's
 * {@code Implementation-Version}, else {@code dev}.
 */
public final class UserAgent {

  /** The header value. */
  public static final String VALUE = "scim-sync/" + version();

  private static final String RESOURCE = "version.properties";

  private UserAgent() {}

  /**
   * The client's version.
   *
   * @return for example {@code 0.1.0-SNAPSHOT}; {@code dev} when no version is recorded
   */
  public static String version() {
    String filtered = fromResource();
    if (filtered != null) {
      return filtered;
    }
    String manifest = UserAgent.class.getPackage().getImplementationVersion();
    return usable(manifest) ? manifest : "dev";
  }

  private static @Nullable String fromResource() {
    try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      String value = properties.getProperty("version");
      return usable(value) ? value.strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A value Maven did not filter still reads {@code ${project.version}}. */
  private static boolean usable(@Nullable String value) {
    return value != null && !value.isBlank() && !value.contains("${") && !value.contains(" ");
  }
}
