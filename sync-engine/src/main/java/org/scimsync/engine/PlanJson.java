package org.scimsync.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.scimsync.engine.plan.Plan;

/** Saves plans as JSON and reads them back, for {@code scim-sync plan --out} and {@code apply}. */
public final class PlanJson {

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

  /** The plan as pretty-printed JSON. */
  public static String write(Plan plan) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
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
      return MAPPER.readValue(json, Plan.class);
    } catch (JsonProcessingException e) {
      throw new SyncException(
          ErrorKind.INVALID_INPUT, "not a saved plan: " + e.getOriginalMessage(), e);
    }
  }
}
