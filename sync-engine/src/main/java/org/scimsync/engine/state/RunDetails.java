package org.scimsync.engine.state;

import java.util.List;
import java.util.Objects;

/**
 * What a run's report says beyond its journal, kept in the history: the plan's warnings, the
 * changes a safety guard withheld, and the plan as {@code scim-sync plan} prints it (cut at {@link
 * #MAX_PLAN_CHARS}). Directory entries and target answers only, never a secret.
 *
 * @param warnings the plan's warnings (sanitizer removals, skipped objects), each with its reason
 * @param withheld the destructive changes a safety guard did not apply, as {@code "delete user
 *     alice"}
 * @param planText the plan's text
 */
public record RunDetails(List<String> warnings, List<String> withheld, String planText) {

  /** The longest plan text kept; a longer one ends with a line saying how much was cut. */
  public static final int MAX_PLAN_CHARS = 200_000;

  public RunDetails {
    warnings = List.copyOf(warnings);
    withheld = List.copyOf(withheld);
    Objects.requireNonNull(planText, "planText");
    if (planText.length() > MAX_PLAN_CHARS) {
      int cut = planText.lastIndexOf('\n', MAX_PLAN_CHARS);
      int end = cut > 0 ? cut : MAX_PLAN_CHARS;
      planText =
          planText.substring(0, end)
              + "\n… "
              + (planText.length() - end)
              + " more characters of the plan were not kept (the journal has every change)\n";
    }
  }
}
