package org.scimsync.service.ui;

import java.util.List;

/**
 * What a run's report says beyond its journal, as the status page shows it: from the running
 * service's notebook, or from the history's {@code RunDetails}.
 *
 * @param warnings the plan's warnings (sanitizer removals, skipped objects), each with its reason
 * @param withheld the destructive changes a safety guard did not apply, as {@code "delete user
 *     alice"}
 * @param planText the plan as {@code scim-sync plan} prints it
 */
public record RunNotes(List<String> warnings, List<String> withheld, String planText) {

  public RunNotes {
    warnings = List.copyOf(warnings);
    withheld = List.copyOf(withheld);
    java.util.Objects.requireNonNull(planText, "planText");
  }
}
