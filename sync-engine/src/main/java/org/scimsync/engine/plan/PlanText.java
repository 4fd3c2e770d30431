package org.scimsync.engine.plan;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.scimsync.engine.target.AttributeChange;

/** Renders a plan as text: one line per change, membership changes summarised per group. */
final class PlanText {

  private PlanText() {}

  static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(plan.full() ? "Full run" : "Incremental run").append('\n');
    for (Change change : plan.changes()) {
      out.append(line(change)).append('\n');
    }
    if (plan.changes().isEmpty()) {
      out.append("No changes: the target matches the directory.\n");
    }
    RepeatedLines.append(out, plan.warnings(), "! ", RepeatedLines::shapeOf);
    if (!plan.unmanaged().isEmpty()) {
      out.append("  ")
          .append(plan.unmanaged().size())
          .append(" unmanaged objects in the target, left alone\n");
    }
    if (!plan.safety().isPassed()) {
      out.append("SAFETY: ").append(plan.safety().message()).append('\n');
    }
    PlanCounts c = plan.counts();
    out.append(
        String.format(
            "Plan: %d to create, %d to update, %d to adopt, +%d/-%d memberships,"
                + " %d to disable, %d to delete.%n",
            c.creates(),
            c.updates(),
            c.adoptions(),
            c.memberAdds(),
            c.memberRemoves(),
            c.disables(),
            c.deletes()));
    return out.toString();
  }

  /** One line for a change, e.g. {@code + create user alice@example.org}. */
  static String line(Change change) {
    String kind = change.objectKind().name().toLowerCase(Locale.ROOT);
    if (change instanceof Change.CreateUser || change instanceof Change.CreateGroup) {
      String members =
          change instanceof Change.CreateGroup group && !group.memberKeys().isEmpty()
              ? " (" + group.memberKeys().size() + " members)"
              : "";
      return "+ create " + kind + " " + change.label() + members;
    }
    if (change instanceof Change.UpdateUser update) {
      return "~ update " + kind + " " + change.label() + " (" + paths(update.changes()) + ")";
    }
    if (change instanceof Change.UpdateGroup update) {
      return "~ update " + kind + " " + change.label() + " (" + paths(update.changes()) + ")";
    }
    if (change instanceof Change.AdoptUser || change instanceof Change.AdoptGroup) {
      return "= adopt " + kind + " " + change.label() + ": " + change.reason();
    }
    if (change instanceof Change.UpdateMembers members) {
      return "~ members of group "
          + change.label()
          + ": +"
          + members.addKeys().size()
          + " -"
          + members.removeKeys().size();
    }
    if (change instanceof Change.DisableUser) {
      return "- disable user " + change.label() + ": " + change.reason();
    }
    return "- delete " + kind + " " + change.label() + ": " + change.reason();
  }

  private static String paths(List<AttributeChange> changes) {
    return changes.stream().map(AttributeChange::scimPath).collect(Collectors.joining(", "));
  }
}
