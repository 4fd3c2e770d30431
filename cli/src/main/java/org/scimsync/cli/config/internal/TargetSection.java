package org.scimsync.cli.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.scimsync.cli.config.DeprovisionConfig;
import org.scimsync.cli.config.RuleConfig;
import org.scimsync.cli.config.TargetConfig;
import org.scimsync.common.ConfigValueException;
import org.scimsync.engine.state.TargetNames;

/**
 * One entry of {@code targets:} as written: the keys of a {@code target:} section, plus its {@code
 * name} and, optionally, its own {@code users}, {@code groups} and {@code deprovision}.
 */
public record TargetSection(
    String name,
    TargetConfig target,
    @Nullable RuleConfig users,
    @Nullable RuleConfig groups,
    @Nullable DeprovisionConfig deprovision) {

  /** Binds an entry: its own keys taken out, the rest bound as a {@link TargetConfig}. */
  static final class Deserializer extends JsonDeserializer<TargetSection> {

    private static final java.util.Set<String> OWN_KEYS =
        java.util.Set.of("name", "users", "groups", "deprovision");

    @Override
    public TargetSection deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode tree = context.readTree(parser);
      if (!(tree instanceof ObjectNode node)) {
        throw new ConfigValueException(
            null, "expected a section of key: value lines (name, profile, url, token, ...)");
      }
      checkKeys(node);
      JsonNode name = node.remove("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        throw new ConfigValueException(
            "name", "is required: the target's name, e.g. aws (used by --target and the state)");
      }
      TargetNames.check(name.asText());
      JsonNode users = node.remove("users");
      JsonNode groups = node.remove("groups");
      JsonNode deprovision = node.remove("deprovision");
      return new TargetSection(
          name.asText(),
          context.readTreeAsValue(node, TargetConfig.class),
          bind(context, users, RuleConfig.class),
          bind(context, groups, RuleConfig.class),
          bind(context, deprovision, DeprovisionConfig.class));
    }

    /** An unknown key is named, with the closest known one (binding alone would not see it). */
    private static void checkKeys(ObjectNode node) {
      java.util.TreeSet<String> known = new java.util.TreeSet<>(OWN_KEYS);
      for (java.lang.reflect.RecordComponent component : TargetConfig.class.getRecordComponents()) {
        known.add(component.getName());
      }
      java.util.Iterator<String> keys = node.fieldNames();
      while (keys.hasNext()) {
        String key = keys.next();
        if (!known.contains(key)) {
          throw new ConfigValueException(
              key,
              KeySuggestions.closest(key, known)
                  .map(k -> "unknown key '" + key + "'; did you mean '" + k + "'?")
                  .orElse(
                      "unknown key '" + key + "'; known keys here: " + String.join(", ", known)));
        }
      }
    }

    private static <T> @Nullable T bind(
        DeserializationContext context, @Nullable JsonNode node, Class<T> type) throws IOException {
      return node == null || node.isNull() ? null : context.readTreeAsValue(node, type);
    }
  }
}
