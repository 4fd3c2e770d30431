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
    @Override
    public TargetSection deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode tree = context.readTree(parser);
      if (!(tree instanceof ObjectNode node)) {
        throw new ConfigValueException(
            null, "expected a section of key: value lines (name, profile, url, token, ...)");
      }
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

    private static <T> @Nullable T bind(
        DeserializationContext context, @Nullable JsonNode node, Class<T> type) throws IOException {
      return node == null || node.isNull() ? null : context.readTreeAsValue(node, type);
    }
  }
}
