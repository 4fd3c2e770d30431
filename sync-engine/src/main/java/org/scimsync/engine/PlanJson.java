package org.scimsync.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Plan;

/**
 * Saves plans as JSON and reads them back, for {@code scim-sync plan --out} and {@code apply}. A
 * saved plan is the plan's fields preceded by {@code "format": "scim-sync-plan"} and {@code
 * "formatVersion"} (docs/plan-format.md); a file without them, or of another version, is refused.
 */
public final class PlanJson {

  /** The value of {@code format} in every saved plan. */
  public static final String FORMAT = "scim-sync-plan";

  /**
   * The version of the saved-plan format this release writes and reads. Raise it when a change to
   * {@link Plan} or {@link org.scimsync.engine.plan.Change} would make an older file read wrongly.
   */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PlanJson() {}

  /** The mapper used for plans and run reports. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /** The plan as pretty-printed JSON, with its format and version first. */
  public static String write(Plan plan) {
    try {
      ObjectNode document = MAPPER.createObjectNode();
      document.put("format", FORMAT);
      document.put("formatVersion", FORMAT_VERSION);
      document.setAll((ObjectNode) MAPPER.valueToTree(plan));
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan cannot be written as JSON", e);
    }
  }

  /**
   * Reads a saved plan.
   *
   * @throws SyncException of kind {@link ErrorKind#INVALID_INPUT} when the text is not a plan
   */
  public static Plan read(String json) {
    try {
      JsonNode document = MAPPER.readTree(json);
      if (!(document instanceof ObjectNode object)) {
        throw refused("it is not a JSON object");
      }
      if (!FORMAT.equals(object.path("format").asText(null))) {
        throw refused(
            object.has("changes") && object.has("fingerprints")
                ? "it was saved by an earlier version of scim-sync, without a format version;"
                    + " plan again with this version"
                : "it has no \"format\": \"" + FORMAT + "\"");
      }
      JsonNode version = object.path("formatVersion");
      if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
        throw refused(
            "it has format version "
                + (version.isMissingNode() ? "(none)" : version.toString())
                + " and this version of scim-sync reads version "
                + FORMAT_VERSION
                + "; plan again with this version");
      }
      object.remove(List.of("format", "formatVersion"));
      return MAPPER.treeToValue(object, Plan.class);
    } catch (JsonProcessingException e) {
      throw new SyncException(
          ErrorKind.INVALID_INPUT, "not a saved plan: " + e.getOriginalMessage(), e);
    }
  }

  private static SyncException refused(String why) {
    return new SyncException(ErrorKind.INVALID_INPUT, "not a saved plan of this version: " + why);
  }
}
