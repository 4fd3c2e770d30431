package org.scimsync.mapping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.SourceEntry;
import org.scimsync.mapping.internal.expression.EntryContext;
import org.scimsync.mapping.internal.expression.ExpressionFailure;
import org.scimsync.mapping.internal.expression.RuleExpression;
import org.scimsync.mapping.internal.resource.InvalidValueException;
import org.scimsync.mapping.internal.resource.ResourceTree;
import org.scimsync.mapping.internal.resource.ValueConverter;
import org.scimsync.mapping.internal.sanitize.ResourceSanitizer;
import org.scimsync.mapping.internal.schema.AttributePath;

/**
 * The compiled rules of one section ({@code users} or {@code groups}): scope, mappings, drops and
 * the sanitizer. Immutable and thread-safe.
 */
public final class ObjectRules {

  private final String section;
  private final String variable;
  private final @Nullable RuleExpression include;
  private final List<TargetMapping> mappings;
  private final List<AttributePath> drops;
  private final ResourceSanitizer sanitizer;

  ObjectRules(
      String section,
      String variable,
      @Nullable RuleExpression include,
      List<TargetMapping> mappings,
      List<AttributePath> drops,
      ResourceSanitizer sanitizer) {
    this.section = Objects.requireNonNull(section, "section");
    this.variable = Objects.requireNonNull(variable, "variable");
    this.include = include;
    this.mappings = List.copyOf(mappings);
    this.drops = List.copyOf(drops);
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
  }

  /** The SCIM paths the mappings set, in configuration order, without those dropped. */
  public List<String> targets() {
    List<String> targets = new ArrayList<>(mappings.size());
    for (TargetMapping mapping : mappings) {
      if (drops.stream().noneMatch(drop -> drop.contains(mapping.target()))) {
        targets.add(mapping.target().scimPath());
      }
    }
    return List.copyOf(targets);
  }

  /**
   * Applies scope, mappings, drops and the sanitizer to one entry. A failure of the scope or of an
   * essential mapping rejects the entry; a failure of any other mapping leaves its attribute out,
   * with a warning.
   */
  public MappingResult map(SourceEntry entry) {
    EntryContext context = new EntryContext(variable, entry);
    List<String> warnings = new ArrayList<>(2);
    try {
      if (include != null && !included(include, include.evaluate(context))) {
        return new MappingResult.Excluded(include.key() + " is false");
      }
    } catch (ExpressionFailure e) {
      return new MappingResult.Rejected(e.getMessage(), warnings, e.failure());
    }
    ResourceTree resource = new ResourceTree();
    for (TargetMapping mapping : mappings) {
      MappingResult.Failure failure;
      try {
        Object raw = mapping.expression().evaluate(context);
        Object value =
            ValueConverter.convert(raw, mapping.target().leaf(), mapping.label(), warnings);
        if (value != null) {
          resource.put(mapping.target(), value);
        }
        continue;
      } catch (ExpressionFailure e) {
        failure = e.failure();
      } catch (InvalidValueException e) {
        failure = new MappingResult.Failure(mapping.expression().key(), e.getMessage());
      }
      if (mapping.essential()) {
        return new MappingResult.Rejected(failure.toString(), warnings, failure);
      }
      warnings.add(failure + "; " + mapping.label() + " left out");
    }
    for (AttributePath drop : drops) {
      resource.remove(drop);
    }
    String violation = sanitizer.sanitize(resource, warnings);
    if (violation != null) {
      return new MappingResult.Rejected(violation, warnings);
    }
    return new MappingResult.Mapped(resource.toObjectNode(), warnings);
  }

  private static boolean included(RuleExpression include, @Nullable Object result) {
    if (result instanceof Boolean bool) {
      return bool;
    }
    throw new ExpressionFailure(
        include.key(), "must give true or false, got " + ValueConverter.describe(result));
  }

  @Override
  public String toString() {
    return section + " rules: " + mappings.size() + " mappings, " + drops.size() + " drops";
  }
}
