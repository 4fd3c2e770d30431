package org.scimsync.service.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartz.JobDataMap;
import org.scimsync.service.Trigger;

/**
 * What one firing of the cluster's run job is asked to do, as stored with its Quartz trigger:
 * strings only ({@code useProperties}), never serialised Java objects.
 *
 * @param trigger what asked for the run
 * @param full true to require a full run
 * @param userKeys the users to sync; empty for all
 * @param triggerIds the shared trigger ids the run serves
 * @param attempt 1, then one more each time the run found the state store locked
 */
record RunOrder(
    Trigger trigger, boolean full, Set<String> userKeys, List<Long> triggerIds, int attempt) {

  private static final String TRIGGER = "trigger";
  private static final String FULL = "full";
  private static final String USERS = "users";
  private static final String IDS = "triggerIds";
  private static final String ATTEMPT = "attempt";

  RunOrder {
    userKeys = Set.copyOf(userKeys);
    triggerIds = List.copyOf(triggerIds);
  }

  /** The order of the cron trigger's firings: every user, no trigger id. */
  static RunOrder scheduled() {
    return new RunOrder(Trigger.SCHEDULE, false, Set.of(), List.of(), 1);
  }

  /** The same order, tried once more. */
  RunOrder again() {
    return new RunOrder(trigger, full, userKeys, triggerIds, attempt + 1);
  }

  JobDataMap toJobData() {
    JobDataMap data = new JobDataMap();
    data.put(TRIGGER, trigger.name());
    data.put(FULL, Boolean.toString(full));
    data.put(USERS, String.join("\n", userKeys));
    data.put(IDS, triggerIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    data.put(ATTEMPT, Integer.toString(attempt));
    return data;
  }

  /** Reads an order; missing entries (the cron trigger stores only its trigger) take defaults. */
  static RunOrder of(JobDataMap data) {
    Set<String> users = new LinkedHashSet<>();
    for (String user : text(data, USERS, "").split("\n")) {
      if (!user.isEmpty()) {
        users.add(user);
      }
    }
    List<Long> ids = new ArrayList<>();
    for (String id : text(data, IDS, "").split(",")) {
      if (!id.isBlank()) {
        ids.add(Long.valueOf(id));
      }
    }
    return new RunOrder(
        Trigger.valueOf(text(data, TRIGGER, Trigger.SCHEDULE.name())),
        Boolean.parseBoolean(text(data, FULL, "false")),
        users,
        ids,
        Integer.parseInt(text(data, ATTEMPT, "1")));
  }

  private static String text(JobDataMap data, String key, String fallback) {
    Object value = data.get(key);
    return value == null ? fallback : value.toString();
  }
}
