package org.scimsync.service.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceException;
import org.scimsync.service.ServiceTarget;
import org.scimsync.service.TriggerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /runs?limit=N} (newest first, default 20, at most 200), {@code GET /runs/{id}} (the
 * run and its journal, at most {@code limit} entries, default 1000) from the state store, and
 * {@code GET /triggers/{id}} from the coordinator.
 */
final class RunsHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RunsHandler.class);
  private static final int DEFAULT_RUNS = 20;
  private static final int MAX_RUNS = 200;
  private static final int DEFAULT_JOURNAL = 1_000;
  private static final int MAX_JOURNAL = 100_000;

  private final List<ServiceTarget> targets;
  private final RunQueue coordinator;

  /**
   * @param targets every target's history: {@code /runs} lists their runs together, newest first,
   *     each naming its target
   */
  RunsHandler(List<ServiceTarget> targets, RunQueue coordinator) {
    this.targets = List.copyOf(targets);
    this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
  }

  private List<Map<String, Object>> recentRuns(int limit) {
    List<Map<String, Object>> runs = new java.util.ArrayList<>();
    for (ServiceTarget target : targets) {
      for (RunRecord record : target.store().recentRuns(limit)) {
        Map<String, Object> json = run(record);
        json.put("target", target.name());
        runs.add(json);
      }
    }
    runs.sort(
        java.util.Comparator.comparingLong((Map<String, Object> r) -> (Long) r.get("id"))
            .reversed());
    return runs.subList(0, Math.min(limit, runs.size()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        Answers.methodNotAllowed(exchange, "GET, HEAD");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      try {
        if (path.equals("/runs") || path.equals("/runs/")) {
          int limit = limit(query, DEFAULT_RUNS, MAX_RUNS);
          Answers.json(exchange, 200, recentRuns(limit));
        } else if (path.startsWith("/runs/")) {
          one(
              exchange,
              id(path.substring("/runs/".length())),
              limit(query, DEFAULT_JOURNAL, MAX_JOURNAL));
        } else if (path.startsWith("/triggers/")) {
          trigger(exchange, id(path.substring("/triggers/".length())));
        } else {
          Answers.error(exchange, 404, "no such resource: " + path);
        }
      } catch (BadRequest e) {
        Answers.error(exchange, 400, e.getMessage());
      } catch (StateStoreException | ServiceException e) {
        LOG.warn("state store unavailable for path={}: {}", path, e.getMessage());
        Answers.error(exchange, 503, "the state store is unavailable");
      }
    }
  }

  private void one(HttpExchange exchange, long id, int limit) throws IOException {
    for (ServiceTarget target : targets) {
      Optional<RunRecord> run = target.store().run(id);
      if (run.isPresent()) {
        one(exchange, target, run.get(), limit);
        return;
      }
    }
    Answers.error(exchange, 404, "no run " + id);
  }

  private void one(HttpExchange exchange, ServiceTarget target, RunRecord run, int limit)
      throws IOException {
    List<JournalRecord> journal = target.store().journal(run.id());
    Map<String, Object> answer = run(run);
    answer.put("target", target.name());
    answer.put("journalTotal", journal.size());
    answer.put("journal", journal.stream().limit(limit).map(RunsHandler::change).toList());
    Answers.json(exchange, 200, answer);
  }

  private void trigger(HttpExchange exchange, long id) throws IOException {
    Optional<TriggerStatus> status = coordinator.status(id);
    if (status.isEmpty()) {
      Answers.error(exchange, 404, "no trigger " + id + " (unknown, or forgotten after 1000 more)");
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("triggerId", id);
    answer.put("state", status.get().state().name().toLowerCase(java.util.Locale.ROOT));
    RunResult result = status.get().result();
    if (result != null) {
      answer.put("runId", result.runId());
      answer.put("status", result.status().name());
      answer.put("exitCode", result.exitCode());
      answer.put("full", result.full());
      answer.put("changes", result.changes());
      answer.put("failures", result.failures());
      answer.put("durationMs", result.duration().toMillis());
    }
    Answers.json(exchange, 200, answer);
  }

  private static Map<String, Object> run(RunRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", record.id());
    json.put("trigger", record.start().trigger());
    json.put("full", record.start().full());
    json.put("dryRun", record.start().dryRun());
    json.put("startedAt", record.start().startedAt().toString());
    RunSummary summary = record.summary();
    json.put("status", summary == null ? "RUNNING" : summary.status().name());
    if (summary != null) {
      json.put("finishedAt", summary.finishedAt().toString());
      json.put("planned", summary.planned());
      json.put("applied", summary.applied());
      json.put("failed", summary.failed());
      json.put("message", summary.message());
    }
    return json;
  }

  private static Map<String, Object> change(JournalRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", record.id());
    json.put("change", record.entry().change());
    json.put("objectKind", record.entry().objectKind().name());
    json.put("sourceKey", record.entry().sourceKey());
    json.put("targetId", record.entry().targetId());
    json.put("label", record.entry().label());
    json.put("attributes", record.entry().attributes());
    json.put("startedAt", record.startedAt().toString());
    if (record.outcome() != null) {
      json.put("result", record.outcome().result().name());
      json.put("httpStatus", record.outcome().httpStatus());
      json.put("error", record.outcome().error());
    } else {
      json.put("result", null);
    }
    json.put("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
    return json;
  }

  private static long id(String text) throws BadRequest {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest("'" + text + "' is not an id (a positive number)");
  }

  private static int limit(@Nullable String query, int fallback, int max) throws BadRequest {
    if (query == null) {
      return fallback;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("limit=")) {
        String value = pair.substring("limit=".length());
        try {
          int limit = Integer.parseInt(value);
          if (limit >= 1 && limit <= max) {
            return limit;
          }
        } catch (NumberFormatException e) {
          // answered below
        }
        throw new BadRequest("limit must be a number from 1 to " + max);
      }
    }
    return fallback;
  }

  /** A malformed id or query; the message says which. */
  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
