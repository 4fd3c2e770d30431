package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;

/**
 * Turns a group PATCH request into edits of a {@link GroupDraft}. Targets: {@code displayName},
 * {@code externalId}, {@code members} and {@code members[value eq "id"]} (remove). AWS profile: at
 * most 100 membership changes per request ("Request is unparsable" above), and {@code replace} on
 * members or removing all members answers "Replacing group memberships is not supported.", and an
 * operation without {@code path} may change one attribute only. The RFC 7644 profile allows all
 * three.
 */
final class GroupPatcher {
  private final boolean aws;
  private final GroupRules rules;

  GroupPatcher(boolean aws, GroupRules rules) {
    this.aws = aws;
    this.rules = rules;
  }

  /** One change to a group, computed from the request before the group is looked at. */
  private interface Edit {
    void applyTo(GroupDraft draft);
  }

  /**
   * A checked group PATCH.
   *
   * @param edit edits a draft under the directory's lock
   * @param memberChanges the membership changes it makes
   */
  record Parsed(Consumer<GroupDraft> edit, int memberChanges) {}

  /** Parses and checks the request as a whole; the result edits a draft under the lock. */
  Parsed parse(JsonNode body) {
    List<Edit> edits = new ArrayList<>();
    int memberChanges = 0;
    List<PatchOperation> operations = PatchOperation.parse(body);
    if (aws) {
      PatchOperation.requireOneAttributeWithoutPath(operations);
    }
    for (PatchOperation operation : operations) {
      if (operation.path() == null) {
        if (!operation.value().isObject()) {
          throw ScimProblem.invalidValue("A PATCH operation without a path needs an object.");
        }
        for (Map.Entry<String, JsonNode> field : operation.value().properties()) {
          memberChanges += edit(operation, field.getKey(), null, field.getValue(), edits);
        }
      } else {
        PatchPath path = PatchPath.parse(operation.path());
        if (path.segments().size() != 1) {
          throw ScimProblem.invalidPath("Invalid PATCH path '" + operation.path() + "'.");
        }
        memberChanges += edit(operation, path.top(), path.filter(), operation.value(), edits);
      }
    }
    if (aws && memberChanges > GroupRules.MAX_MEMBER_CHANGES) {
      throw ScimProblem.tooMany(ScimProblem.UNPARSABLE);
    }
    Consumer<GroupDraft> edit =
        draft -> {
          edits.forEach(one -> one.applyTo(draft));
          rules.check(draft.attributes());
        };
    return new Parsed(edit, memberChanges);
  }

  /** Records the edit of one target; returns the number of membership changes it makes. */
  private int edit(
      PatchOperation op, String target, FilterExpression filter, JsonNode value, List<Edit> edits) {
    String lower = target.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "displayname", "externalid" -> {
        String name = lower.equals("displayname") ? "displayName" : "externalId";
        if (filter != null) {
          throw ScimProblem.invalidPath("Invalid PATCH path '" + op.path() + "'.");
        }
        if (op.isRemove()) {
          edits.add(draft -> draft.attributes().remove(name));
        } else {
          JsonNode text = rules.text(name, value);
          edits.add(draft -> draft.attributes().set(name, text));
        }
        return 0;
      }
      case "members" -> {
        return members(op, filter, value, edits);
      }
      default -> {
        if (aws) {
          throw ScimProblem.invalidPath("Attribute '" + target + "' cannot be patched.");
        }
        if (op.isRemove()) {
          edits.add(draft -> draft.attributes().remove(target));
        } else {
          edits.add(draft -> draft.attributes().set(target, value));
        }
        return 0;
      }
    }
  }

  private int members(
      PatchOperation op, FilterExpression filter, JsonNode value, List<Edit> edits) {
    if (filter != null) {
      if (!op.isRemove()) {
        throw ScimProblem.invalidPath("Only remove may target 'members[...]'.");
      }
      String id = memberIdOf(filter, op);
      edits.add(draft -> draft.members().remove(id));
      return 1;
    }
    if (op.isReplace()) {
      if (aws) {
        throw ScimProblem.invalidValue(ScimProblem.REPLACE_MEMBERS);
      }
      List<String> ids = rules.memberIds(value);
      edits.add(
          draft -> {
            draft.members().clear();
            draft.members().addAll(ids);
          });
      return ids.size();
    }
    if (op.isRemove()) {
      if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
        if (aws) {
          throw ScimProblem.invalidValue(ScimProblem.REPLACE_MEMBERS);
        }
        edits.add(draft -> draft.members().clear());
        return 0;
      }
      List<String> ids = rules.memberIds(value);
      edits.add(draft -> ids.forEach(draft.members()::remove));
      return ids.size();
    }
    List<String> ids = rules.memberIds(value);
    edits.add(draft -> draft.members().addAll(ids));
    return ids.size();
  }

  private static String memberIdOf(FilterExpression filter, PatchOperation op) {
    if (filter instanceof AttributeComparisonExpression comparison
        && comparison.getOperation() == CompareOperator.EQ
        && comparison.getCompareValue() instanceof String id
        && "value"
            .equalsIgnoreCase(
                comparison.getAttributePath().getSubAttributeName() != null
                    ? comparison.getAttributePath().getSubAttributeName()
                    : comparison.getAttributePath().getAttributeName())) {
      return id;
    }
    throw ScimProblem.invalidPath("Unsupported members filter in '" + op.path() + "'.");
  }
}
