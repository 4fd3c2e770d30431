package org.scimsync.cli.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;

/**
 * Jackson deserializers of the configuration's own value types: paths resolved against the
 * configuration's directory, durations such as {@code 6h}, and secrets.
 */
public final class ConfigModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** The context attribute holding the directory relative paths are resolved against. */
  public static final String BASE_DIRECTORY = "scim-sync.baseDirectory";

  public ConfigModule() {
    super("scim-sync-config");
    addDeserializer(Path.class, new PathDeserializer());
    addDeserializer(Duration.class, new DurationDeserializer());
    addDeserializer(Secret.class, new SecretDeserializer());
    addDeserializer(TargetSection.class, new TargetSection.Deserializer());
  }

  private static String scalar(JsonParser parser, String expected) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
      throw new ConfigValueException(null, "expected " + expected);
    }
    return parser.getText();
  }

  private static final class PathDeserializer extends JsonDeserializer<Path> {
    @Override
    public Path deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = scalar(parser, "a file path");
      if (text.isBlank()) {
        throw new ConfigValueException(null, "expected a file path, got an empty value");
      }
      try {
        Path base = (Path) context.getAttribute(BASE_DIRECTORY);
        Path path = Path.of(text);
        return (base == null ? path : base.resolve(path)).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw new ConfigValueException(null, "'" + text + "' is not a valid path");
      }
    }
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return Durations.parse(scalar(parser, "a duration such as 6h, 30m or 1d"));
    }
  }

  private static final class SecretDeserializer extends JsonDeserializer<Secret> {
    @Override
    public Secret deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonToken token = parser.currentToken();
      if (token != JsonToken.VALUE_STRING) {
        throw new ConfigValueException(
            null, "expected a text value, e.g. ${NAME} or ${file:PATH} (the value is not shown)");
      }
      String value = parser.getText();
      if (value.isBlank()) {
        throw new ConfigValueException(
            null, "is empty: give the secret, e.g. ${NAME} or ${file:PATH}");
      }
      return Secret.of(value);
    }
  }
}
