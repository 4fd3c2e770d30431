package org.scimsync.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.internal.ConfigDocument;
import org.scimsync.cli.config.internal.ConfigModule;
import org.scimsync.cli.config.internal.Interpolator;
import org.scimsync.cli.config.internal.KeySuggestions;
import org.scimsync.cli.config.internal.LocatedInterpolatingParser;
import org.scimsync.cli.config.internal.LocatedInterpolatingParser.InterpolationException;
import org.scimsync.cli.config.internal.TargetSection;
import org.scimsync.common.ConfigValueException;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.ScheduleConfig;
import org.scimsync.service.WebhookConfig;
import org.scimsync.sources.DirectorySources;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a configuration file into a {@link ScimSyncConfig}: YAML, {@code ${NAME}} and {@code
 * ${file:PATH}} interpolation, paths relative to the file's directory, every key and value checked
 * once. Every failure is a {@link ConfigException} naming the file, line and key.
 */
public final class ConfigLoader {

  private final Map<String, String> environment;
  private final ObjectMapper mapper;

  /**
   * @param environment the variables {@code ${NAME}} is resolved from (normally {@link
   *     System#getenv()})
   */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    YAMLFactory yaml = new YAMLFactory();
    yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper =
        new ObjectMapper(yaml)
            .registerModule(new ConfigModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** A loader resolving variables from the process environment. */
  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  /**
   * Loads and validates one configuration file.
   *
   * @throws ConfigException when the file is missing, unreadable or invalid
   */
  public ScimSyncConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path directory = Objects.requireNonNull(absolute.getParent(), "a file has a directory");
    LocatedInterpolatingParser parser = null;
    try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
      parser =
          new LocatedInterpolatingParser(
              mapper.getFactory().createParser(reader), new Interpolator(environment, directory));
      if (parser.nextToken() == null) {
        throw new ConfigException(file, null, 0, "the file is empty");
      }
      ConfigDocument document =
          mapper
              .readerFor(ConfigDocument.class)
              .withAttribute(ConfigModule.BASE_DIRECTORY, directory)
              .readValue(parser);
      ConfigLocations locations = new ConfigLocations(parser.lines());
      return assemble(file, directory, document, locations);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file, null, 0, "configuration file not found (give one with --config FILE)");
    } catch (ConfigException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw translate(file, e, parser == null ? Map.of() : parser.lines());
    }
  }

  private static ScimSyncConfig assemble(
      Path file, Path directory, ConfigDocument document, ConfigLocations locations) {
    if (document.schedule() != null
        && document.schedule().watch()
        && !DirectorySources.canWatch(document.source())) {
      throw new ConfigException(
          file,
          "schedule.watch",
          locations.lineOf("schedule.watch"),
          "only an ldap source can be watched; this source is "
              + document.source().type().configName()
              + ": remove schedule.watch and let whatever drops the files call the webhook");
    }
    Path state =
        document.state() == null || document.state().path() == null
            ? directory.resolve("scim-sync.db")
            : document.state().path();
    WebhookConfig webhook =
        document.webhook() == null ? WebhookConfig.defaults() : document.webhook();
    if (document.ui() != null) {
      try {
        document.ui().checkListen(webhook.listen().host());
      } catch (ConfigValueException e) {
        int line = locations.lineOf("ui");
        throw new ConfigException(file, "ui.tls", line, e.getMessage());
      }
    }
    return new ScimSyncConfig(
        file,
        document.source(),
        targets(document),
        state,
        document.schedule() == null ? ScheduleConfig.defaults() : document.schedule(),
        webhook,
        locations,
        document.ui(),
        document.state() == null ? null : document.state().database());
  }

  /**
   * The targets: the single {@code target:} section as {@code default}, or each entry of {@code
   * targets:} with the top-level rules and policy where it has none of its own.
   */
  private static List<TargetSpec> targets(ConfigDocument document) {
    RuleConfig users = document.users() == null ? RuleConfig.empty() : document.users();
    RuleConfig groups = document.groups() == null ? RuleConfig.empty() : document.groups();
    DeprovisionConfig deprovision =
        document.deprovision() == null ? DeprovisionConfig.defaults() : document.deprovision();
    List<TargetSection> sections = document.targets();
    if (sections == null) {
      return List.of(
          new TargetSpec(
              TargetNames.DEFAULT,
              Objects.requireNonNull(document.target(), "target"),
              users,
              groups,
              deprovision,
              "target",
              false,
              false));
    }
    List<TargetSpec> targets = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      TargetSection section = sections.get(i);
      targets.add(
          new TargetSpec(
              section.name(),
              section.target(),
              section.users() == null ? users : section.users(),
              section.groups() == null ? groups : section.groups(),
              section.deprovision() == null ? deprovision : section.deprovision(),
              "targets[" + i + "]",
              section.users() != null,
              section.groups() != null));
    }
    return targets;
  }

  private static ConfigException translate(
      Path file, Exception failure, Map<String, Integer> lines) {
    InterpolationException interpolation = find(failure, InterpolationException.class);
    if (interpolation != null) {
      return new ConfigException(
          file, interpolation.path(), interpolation.line(), interpolation.getMessage());
    }
    MarkedYAMLException yaml = find(failure, MarkedYAMLException.class);
    if (yaml != null) {
      int line = yaml.getProblemMark() == null ? 0 : yaml.getProblemMark().getLine() + 1;
      return new ConfigException(file, null, line, "invalid YAML: " + yaml.getProblem(), failure);
    }
    if (failure instanceof UnrecognizedPropertyException unknown) {
      return unknownKey(file, unknown, new ConfigLocations(lines));
    }
    if (failure instanceof JsonMappingException mapping) {
      return mappingProblem(file, mapping, new ConfigLocations(lines));
    }
    if (failure instanceof JsonProcessingException parsing) {
      return new ConfigException(
          file,
          null,
          lineOf(parsing.getLocation()),
          "invalid YAML: " + parsing.getOriginalMessage());
    }
    if (failure instanceof IOException io) {
      return new ConfigException(
          file, null, 0, "cannot be read (" + io.getClass().getSimpleName() + ")", io);
    }
    throw (RuntimeException) failure;
  }

  private static ConfigException unknownKey(
      Path file, UnrecognizedPropertyException unknown, ConfigLocations locations) {
    TreeSet<String> known = new TreeSet<>();
    if (unknown.getKnownPropertyIds() != null) {
      unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
    }
    String key = unknown.getPropertyName();
    String problem =
        KeySuggestions.closest(key, known)
            .map(k -> "unknown key '" + key + "'; did you mean '" + k + "'?")
            .orElse("unknown key '" + key + "'; known keys here: " + String.join(", ", known));
    String path = dotted(unknown.getPath());
    int line = locations.lineOf(path);
    return new ConfigException(
        file, path, line > 0 ? line : lineOf(unknown.getLocation()), problem);
  }

  private static ConfigException mappingProblem(
      Path file, JsonMappingException mapping, ConfigLocations locations) {
    String path = dotted(mapping.getPath());
    ConfigValueException invalid = find(mapping, ConfigValueException.class);
    if (invalid != null) {
      String key = invalid.key() == null ? path : join(path, invalid.key());
      int line = locations.lineOf(key);
      return new ConfigException(
          file, key, line > 0 ? line : lineOf(mapping.getLocation()), invalid.getMessage());
    }
    String problem;
    if (mapping instanceof InvalidFormatException format) {
      problem = "'" + format.getValue() + "' is not " + describe(format.getTargetType());
    } else if (mapping instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null) {
      problem = "expected " + describe(mismatch.getTargetType());
    } else {
      problem = mapping.getOriginalMessage().replace("Duplicate field", "duplicate key");
    }
    return new ConfigException(file, path, lineOf(mapping.getLocation()), problem);
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == java.net.URI.class) {
      return "a URL";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a section of key: value lines";
    }
    return "a valid " + type.getSimpleName();
  }

  private static String dotted(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static int lineOf(@Nullable JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
