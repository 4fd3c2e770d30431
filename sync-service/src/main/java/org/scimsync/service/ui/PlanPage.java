package org.scimsync.service.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.PlanCounts;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.service.ui.internal.Templates;

/**
 * A plan as a standalone HTML page ({@code scim-sync plan --format html}): the change list, the
 * safety verdict and the warnings, with the status page's stylesheet inside, so a reviewer can open
 * the file from a ticket without a server.
 */
public final class PlanPage {

  private static final Templates TEMPLATES = new Templates();

  private PlanPage() {}

  /**
   * Renders the plan.
   *
   * @param plan the plan
   * @param source what the plan was computed from, for the heading (a configuration file name)
   * @param computedAt when it was computed
   */
  public static String render(Plan plan, String source, Instant computedAt) {
    List<Row> rows = plan.changes().stream().map(PlanPage::row).toList();
    PlanCounts c = plan.counts();
    String summary =
        String.format(
            Locale.ROOT,
            "%d to create, %d to update, %d to adopt, +%d/-%d memberships, %d to disable,"
                + " %d to delete; %d unchanged, %d unmanaged objects left alone.",
            c.creates(),
            c.updates(),
            c.adoptions(),
            c.memberAdds(),
            c.memberRemoves(),
            c.disables(),
            c.deletes(),
            c.unchanged(),
            c.unmanaged());
    View view =
        new View(
            source,
            computedAt.toString(),
            plan.full() ? "full" : "incremental",
            summary,
            rows,
            plan.warnings(),
            plan.safety().isPassed(),
            plan.safety().message(),
            plan.safety().withheld(),
            stylesheet());
    return TEMPLATES.render("plan", view);
  }

  private static Row row(Change change) {
    String kind = change.objectKind().name().toLowerCase(Locale.ROOT);
    String detail = "";
    String symbol = "~";
    String action;
    if (change instanceof Change.CreateUser) {
      symbol = "+";
      action = "create";
    } else if (change instanceof Change.CreateGroup group) {
      symbol = "+";
      action = "create";
      detail = group.memberKeys().size() + " members";
    } else if (change instanceof Change.UpdateUser update) {
      action = "update";
      detail = paths(update.changes());
    } else if (change instanceof Change.UpdateGroup update) {
      action = "update";
      detail = paths(update.changes());
    } else if (change instanceof Change.AdoptUser || change instanceof Change.AdoptGroup) {
      symbol = "=";
      action = "adopt";
    } else if (change instanceof Change.UpdateMembers members) {
      action = "members";
      detail = "+" + members.addKeys().size() + " −" + members.removeKeys().size();
    } else if (change instanceof Change.DisableUser) {
      symbol = "−";
      action = "disable";
    } else {
      symbol = "−";
      action = "delete";
    }
    return new Row(
        symbol,
        action,
        kind,
        change.label(),
        detail,
        change.reason(),
        change.destructive() ? "destructive" : "");
  }

  private static String paths(List<AttributeChange> changes) {
    return changes.stream().map(AttributeChange::scimPath).collect(Collectors.joining(", "));
  }

  private static String stylesheet() {
    try (InputStream in = PlanPage.class.getResourceAsStream("style.css")) {
      if (in == null) {
        throw new IllegalStateException("missing resource style.css");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read style.css", e);
    }
  }

  /** The page. */
  public record View(
      String source,
      String computedAt,
      String kind,
      String summary,
      List<Row> changes,
      List<String> warnings,
      boolean safe,
      String safetyMessage,
      List<String> withheld,
      String stylesheet) {}

  /** One change. */
  public record Row(
      String symbol,
      String action,
      String kind,
      String label,
      String detail,
      String reason,
      String rowClass) {}
}
