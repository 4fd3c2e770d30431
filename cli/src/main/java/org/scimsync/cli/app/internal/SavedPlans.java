package org.scimsync.cli.app.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.scimsync.cli.exit.CliException;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.engine.PlanJson;
import org.scimsync.engine.plan.Plan;

/**
 * A saved plan names the target it was computed for ({@code "target"}, after the format and its
 * version), so that {@code apply} refuses it for another target with a message that says which,
 * rather than as a plan gone stale. Plans saved before targets had names carry none and apply as
 * before.
 */
public final class SavedPlans {

  private static final ObjectMapper JSON = PlanJson.mapper();

  private SavedPlans() {}

  /** The plan as {@link PlanJson#write} writes it, naming {@code target}. */
  public static String write(Plan plan, String target) {
    try {
      JsonNode saved = JSON.readTree(PlanJson.write(plan));
      ObjectNode document = JSON.createObjectNode();
      document.set("format", saved.get("format"));
      document.set("formatVersion", saved.get("formatVersion"));
      document.put("target", target);
      document.setAll((ObjectNode) saved);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the plan cannot be written as JSON", e);
    }
  }

  /**
   * Refuses a saved plan computed for another target than {@code target} (exit code 2).
   *
   * @param file the plan file, for the message
   */
  public static void requireTarget(String json, String target, Path file) {
    String saved;
    try {
      saved = JSON.readTree(json).path("target").asText(null);
    } catch (JsonProcessingException e) {
      return; // not JSON: PlanJson.read says what is wrong with it
    }
    if (saved != null && !saved.equals(target)) {
      throw new CliException(
          ExitCode.INVALID,
          "the plan in "
              + file
              + " was computed for target "
              + saved
              + ", not "
              + target
              + ": apply it with --target "
              + saved
              + ", or plan again for "
              + target);
    }
  }
}
