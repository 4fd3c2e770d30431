package org.scimsync.service.ui.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;

/** How runs, changes, times and links read on the page. */
final class Display {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Display() {}

  static String time(@Nullable Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  static String duration(@Nullable Duration duration) {
    if (duration == null) {
      return "";
    }
    long millis = duration.toMillis();
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 120_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
  }

  static @Nullable Duration duration(RunRecord run) {
    RunSummary summary = run.summary();
    return summary == null
        ? null
        : Duration.between(run.start().startedAt(), summary.finishedAt()).abs();
  }

  /**
   * The page of a run. Run ids are unique across the targets of one state store; the target in the
   * link picks the store when targets keep their state apart.
   *
   * @param target the target's name, or null on a page of one target (links as before targets)
   */
  static String runHref(long id, @Nullable String target) {
    return "/ui/runs/" + id + query(target);
  }

  /** The page of one user or group of a target; see {@link #runHref}. */
  static String objectHref(ObjectKind kind, String sourceKey, @Nullable String target) {
    return (kind == ObjectKind.USER ? "/ui/users/" : "/ui/groups/")
        + URLEncoder.encode(sourceKey, StandardCharsets.UTF_8).replace("+", "%20")
        + query(target);
  }

  /** The name of the target in a link when the page has several (target names need no encoding). */
  static @Nullable String linkTarget(String target, boolean several) {
    return several ? target : null;
  }

  private static String query(@Nullable String target) {
    return target == null ? "" : "?target=" + target;
  }

  static String kindName(ObjectKind kind) {
    return kind == ObjectKind.USER ? "user" : "group";
  }

  static Views.RunLine run(RunRecord run, String target, boolean several) {
    RunSummary summary = run.summary();
    RunStatus status = summary == null ? RunStatus.RUNNING : summary.status();
    String kind = run.start().dryRun() ? "dry run" : run.start().full() ? "full" : "incremental";
    return new Views.RunLine(
        run.id(),
        target,
        runHref(run.id(), linkTarget(target, several)),
        statusText(status),
        "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        time(run.start().startedAt()),
        run.start().trigger(),
        kind,
        duration(duration(run)),
        summary == null ? 0 : summary.planned(),
        summary == null ? 0 : summary.applied(),
        summary == null ? 0 : summary.failed(),
        summary == null || summary.message() == null ? "" : summary.message());
  }

  static String statusText(RunStatus status) {
    return switch (status) {
      case RUNNING -> "running (or killed)";
      case SUCCEEDED -> "succeeded";
      case PARTIAL -> "some changes failed";
      case STOPPED_BY_GUARD -> "stopped by a safety guard";
      case FAILED -> "failed";
    };
  }

  static Views.ChangeRow change(JournalRecord record, @Nullable String linkTarget) {
    ChangeOutcome outcome = record.outcome();
    String result =
        outcome == null ? "unfinished" : outcome.result().name().toLowerCase(Locale.ROOT);
    return new Views.ChangeRow(
        record.runId(),
        runHref(record.runId(), linkTarget),
        record.entry().change(),
        kindName(record.entry().objectKind()),
        record.entry().label(),
        objectHref(record.entry().objectKind(), record.entry().sourceKey(), linkTarget),
        String.join(", ", record.entry().attributes()),
        result,
        "outcome-" + result,
        outcome == null || outcome.httpStatus() == null ? "" : outcome.httpStatus().toString(),
        outcome == null || outcome.error() == null ? "" : outcome.error(),
        time(record.startedAt()));
  }
}
