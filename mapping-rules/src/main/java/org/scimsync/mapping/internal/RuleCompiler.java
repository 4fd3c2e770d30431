package org.scimsync.mapping.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scimsync.mapping.MappingConfigException;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.internal.expression.ExpressionCompiler;
import org.scimsync.mapping.internal.expression.RuleExpression;
import org.scimsync.mapping.internal.sanitize.ResourceSanitizer;
import org.scimsync.mapping.internal.schema.AttributePath;
import org.scimsync.mapping.internal.schema.ResourceSchema;

/** Compiles the {@code users:} and {@code groups:} sections into {@link ObjectRules}. */
public final class RuleCompiler {

  /** The user mapping used when {@code users.map} is empty. */
  public static final Map<String, String> DEFAULT_USER_MAP = defaultUserMap();

  /** The group mapping used when {@code groups.map} is empty. */
  public static final Map<String, String> DEFAULT_GROUP_MAP = Map.of("displayName", "group.cn");

  private final ExpressionCompiler expressions = new ExpressionCompiler();

  private static Map<String, String> defaultUserMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("userName", "user.mail ?? user.uid");
    map.put("displayName", "user.displayName ?? user.cn");
    map.put("name.givenName", "user.givenName");
    map.put("name.familyName", "user.sn");
    map.put(
        "emails",
        "user.mail == null ? null : [{'value': user.mail, 'type': 'work', 'primary': true}]");
    map.put("active", "true");
    return Collections.unmodifiableMap(map);
  }

  /** Compiles the {@code users:} section. */
  public ObjectRules users(RuleSpec spec, ResourceSanitizer sanitizer) {
    return compile("users", "user", spec, ResourceSchema.USER, DEFAULT_USER_MAP, sanitizer);
  }

  /** Compiles the {@code groups:} section. */
  public ObjectRules groups(RuleSpec spec, ResourceSanitizer sanitizer) {
    return compile("groups", "group", spec, ResourceSchema.GROUP, DEFAULT_GROUP_MAP, sanitizer);
  }

  private ObjectRules compile(
      String section,
      String variable,
      RuleSpec spec,
      ResourceSchema schema,
      Map<String, String> defaults,
      ResourceSanitizer sanitizer) {
    RuleExpression include =
        spec.include() == null
            ? null
            : expressions.compile(section + ".include", variable, spec.include());
    List<AttributePath> drops = new ArrayList<>(spec.drop().size());
    for (String attribute : spec.drop()) {
      try {
        drops.add(schema.resolve(attribute));
      } catch (IllegalArgumentException e) {
        throw new MappingConfigException(section + ".drop", e.getMessage());
      }
    }
    Map<String, String> map = spec.map().isEmpty() ? defaults : spec.map();
    List<TargetMapping> mappings = new ArrayList<>(map.size());
    List<TargetMapping> compiled = new ArrayList<>(map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      String key = section + ".map." + entry.getKey();
      AttributePath target;
      try {
        target = schema.resolveTarget(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new MappingConfigException(key, "not a target attribute: " + e.getMessage());
      }
      for (TargetMapping previous : compiled) {
        if (previous.target().overlaps(target)) {
          throw new MappingConfigException(
              key, "conflicts with " + previous.expression().key() + " (both set " + target + ")");
        }
      }
      if (entry.getValue() == null) {
        throw new MappingConfigException(key, "the expression is empty");
      }
      RuleExpression expression = expressions.compile(key, variable, entry.getValue());
      TargetMapping mapping =
          new TargetMapping(target, target.canonical(), expression, sanitizer.essential(target));
      compiled.add(mapping);
      // a dropped attribute is never sent, so its expression is never evaluated: it can neither
      // fail nor cost the object anything (its expression must still compile)
      if (drops.stream().noneMatch(drop -> drop.contains(target))) {
        mappings.add(mapping);
      }
    }
    return new ObjectRules(section, variable, include, mappings, drops, sanitizer);
  }
}
