package org.scimsync.emulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scimsync.emulator.ServerQuirks;

/**
 * The JSON form of {@link ServerQuirks} served and accepted by {@code /admin/quirks}: one field per
 * record component ({@code patchNeedsUserAgent}, {@code chunkedBodiesRefused}, {@code
 * membersRefusedOnCreate}, {@code memberLimitPerRequest}, {@code membershipsKeptAfterUserDelete},
 * {@code externalIdIgnored}, {@code membersOnlyOnRequest}). An update may name only the fields it
 * changes.
 */
final class ServerQuirksJson {
  private ServerQuirksJson() {}

  static ObjectNode toJson(ServerQuirks quirks) {
    return ResourceDocuments.MAPPER.valueToTree(quirks);
  }

  /**
   * Applies the fields present in {@code json} to {@code current}.
   *
   * @throws ScimProblem for a field that is not a quirk
   * @throws JsonProcessingException for a value of the wrong type or out of range
   */
  static ServerQuirks merge(ServerQuirks current, JsonNode json) throws JsonProcessingException {
    if (!json.isObject()) {
      throw ScimProblem.invalidSyntax("The quirks must be a JSON object.");
    }
    ObjectNode merged = toJson(current);
    json.fieldNames()
        .forEachRemaining(
            name -> {
              if (!merged.has(name)) {
                throw ScimProblem.invalidValue("Unknown quirk '" + name + "'.");
              }
            });
    merged.setAll((ObjectNode) json);
    return ResourceDocuments.MAPPER.treeToValue(merged, ServerQuirks.class);
  }
}
