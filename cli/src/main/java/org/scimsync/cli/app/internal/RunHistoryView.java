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
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("stateFile", stateFile);
      document.putAll(statusDocument(state, lastRuns));
      print(document);
      return;
    }
    out.println("State file:   " + stateFile);
    statusLines(state, lastRuns);
    out.flush();
  }

  private static Map<String, Object> statusDocument(StoredState state, List<RunRecord> lastRuns) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("managedUsers", state.users().size());
    document.put("disabledUsers", disabled(state));
    document.put("managedGroups", state.groups().size());
    document.put("memberships", memberships(state));
    document.put("lastFullRun", state.lastFullRun());
    document.put("lastRun", lastRuns.isEmpty() ? null : lastRuns.get(0));
    return document;
  }

  private void statusLines(StoredState state, List<RunRecord> lastRuns) {
    @Nullable RunRecord last = lastRuns.isEmpty() ? null : lastRuns.get(0);
    out.printf(
        "Managed:      %d users (%d disabled), %d groups, %d memberships%n",
        state.users().size(), disabled(state), state.groups().size(), memberships(state));
    out.println("Last full run: " + time(state.lastFullRun()));
    out.println(last == null ? "Last run:     none" : "Last run:     " + line(last));
  }

  private static long disabled(StoredState state) {
    return state.users().values().stream().filter(l -> l.disabled()).count();
  }

  private static long memberships(StoredState state) {
    return state.memberships().values().stream().mapToLong(m -> m.size()).sum();
  }

  /**
   * The state of one of several targets.
   *
   * @param state its managed objects
   * @param lastRuns its last run, if any
   */
  public record TargetStatus(StoredState state, List<RunRecord> lastRuns) {}

  /**
   * A run and the target it belongs to.
   *
   * @param target the target's name
   * @param run the run
   */
  public record TargetRun(String target, RunRecord run) {}

  /** The managed objects and the last run of each of several targets. */
  public void statuses(String stateFile, Map<String, TargetStatus> targets) {
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("stateFile", stateFile);
      List<Map<String, Object>> list = new java.util.ArrayList<>();
      targets.forEach(
          (name, status) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("target", name);
            one.putAll(statusDocument(status.state(), status.lastRuns()));
            list.add(one);
          });
      document.put("targets", list);
      print(document);
      return;
    }
    out.println("State file:   " + stateFile);
    targets.forEach(
        (name, status) -> {
          out.println();
          out.println("Target " + name);
          statusLines(status.state(), status.lastRuns());
        });
    out.flush();
  }

  /** A table of the runs of several targets, newest first, each naming its target. */
  public void targetRuns(List<TargetRun> runs) {
    if (json) {
      List<Map<String, Object>> list = new java.util.ArrayList<>();
      for (TargetRun run : runs) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("target", run.target());
        one.put("run", run.run());
        list.add(one);
      }
      print(Map.of("runs", list));
      return;
    }
    if (runs.isEmpty()) {
      out.println("No runs yet.");
    }
    for (TargetRun run : runs) {
      out.println(line(run.run()).replaceFirst("^run (\\d+) ", "run $1  [" + run.target() + "] "));
    }
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
