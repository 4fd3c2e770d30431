package org.scimsync.cli.app.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.PlanJson;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StoredState;

/** Prints the state store's history: {@code status}, {@code history}, {@code history --run N}. */
public final class RunHistoryView {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final boolean json;
  private final ObjectMapper mapper = PlanJson.mapper();

  public RunHistoryView(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** There is no state file yet: nothing has run. */
  public void noState(String stateFile) {
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("stateFile", stateFile);
      document.put("runs", List.of());
      print(document);
    } else {
      out.println("No runs yet: the state file " + stateFile + " does not exist.");
      out.flush();
    }
  }

  /** The managed objects and the last run. */
  public void status(String stateFile, StoredState state, List<RunRecord> lastRuns) {
    long disabled = state.users().values().stream().filter(l -> l.disabled()).count();
    long memberships = state.memberships().values().stream().mapToLong(m -> m.size()).sum();
    @Nullable RunRecord last = lastRuns.isEmpty() ? null : lastRuns.get(0);
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("stateFile", stateFile);
      document.put("managedUsers", state.users().size());
      document.put("disabledUsers", disabled);
      document.put("managedGroups", state.groups().size());
      document.put("memberships", memberships);
      document.put("lastFullRun", state.lastFullRun());
      document.put("lastRun", last);
      print(document);
      return;
    }
    out.println("State file:   " + stateFile);
    out.printf(
        "Managed:      %d users (%d disabled), %d groups, %d memberships%n",
        state.users().size(), disabled, state.groups().size(), memberships);
    out.println("Last full run: " + time(state.lastFullRun()));
    out.println(last == null ? "Last run:     none" : "Last run:     " + line(last));
    out.flush();
  }

  /** A table of runs, newest first. */
  public void runs(List<RunRecord> runs) {
    if (json) {
      print(Map.of("runs", runs));
      return;
    }
    if (runs.isEmpty()) {
      out.println("No runs yet.");
    }
    for (RunRecord run : runs) {
      out.println(line(run));
    }
    out.flush();
  }

  /** One run and every change it journaled. */
  public void run(RunRecord run, List<JournalRecord> changes) {
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("run", run);
      document.put("changes", changes);
      print(document);
      return;
    }
    out.println(line(run));
    if (run.summary() != null && run.summary().message() != null) {
      out.println("  " + run.summary().message());
    }
    if (changes.isEmpty()) {
      out.println("  no changes");
    }
    for (JournalRecord change : changes) {
      ChangeOutcome outcome = change.outcome();
      String result =
          outcome == null
              ? "UNFINISHED"
              : outcome.result()
                  + (outcome.httpStatus() == null ? "" : " " + outcome.httpStatus())
                  + (outcome.error() == null ? "" : ": " + outcome.error());
      String attributes =
          change.entry().attributes().isEmpty()
              ? ""
              : " (" + String.join(", ", change.entry().attributes()) + ")";
      out.printf(
          "  %s %s %s%s -> %s%n",
          change.entry().change().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          change.entry().objectKind().name().toLowerCase(java.util.Locale.ROOT),
          change.entry().label(),
          attributes,
          result);
    }
    out.flush();
  }

  private static String line(RunRecord run) {
    RunSummary summary = run.summary();
    String counts =
        summary == null
            ? "RUNNING or killed"
            : summary.status()
                + ", "
                + summary.planned()
                + " planned, "
                + summary.applied()
                + " applied, "
                + summary.failed()
                + " failed";
    return String.format(
        "run %d  %s UTC  %s  %s%s  %s",
        run.id(),
        time(run.start().startedAt()),
        run.start().trigger(),
        run.start().full() ? "full" : "incremental",
        run.start().dryRun() ? " dry-run" : "",
        counts);
  }

  private static String time(@Nullable Instant instant) {
    return instant == null ? "never" : TIME.format(instant);
  }

  private void print(Object document) {
    try {
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("history cannot be written as JSON", e);
    }
  }
}
