package org.scimsync.service.ui.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;

/**
 * One user or group (its link, the resource last pushed, its memberships and the changes of the
 * recent runs that touched it), and the search by name.
 */
public final class ObjectPages {

  /** Runs whose journals are searched for the changes of an object and for names. */
  static final int RUNS_SEARCHED = 50;

  /** The most search results shown. */
  static final int MAX_RESULTS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StateStore store;

  public ObjectPages(StateStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The page of one user or group; it exists when it is linked or a recent change touched it. */
  public java.util.Optional<Views.ObjectPage> object(ObjectKind kind, String sourceKey) {
    StoredState state = store.load();
    Map<String, Link> links = kind == ObjectKind.USER ? state.users() : state.groups();
    Link link = links.get(sourceKey);
    List<RunRecord> runs = store.recentRuns(RUNS_SEARCHED);
    List<Views.ChangeRow> changes = new ArrayList<>();
    String label = "";
    for (RunRecord run : runs) {
      for (JournalRecord record : store.journal(run.id())) {
        if (record.entry().objectKind() == kind && record.entry().sourceKey().equals(sourceKey)) {
          changes.add(Display.change(record));
          if (label.isEmpty()) {
            label = record.entry().label();
          }
        }
      }
    }
    if (link == null && changes.isEmpty()) {
      return java.util.Optional.empty();
    }
    ObjectNode pushed = store.pushedResources(kind, List.of(sourceKey)).get(sourceKey);
    if (pushed != null) {
      label = labelOf(kind, pushed, label);
    }
    List<Views.Ref> memberships = memberships(kind, sourceKey, state);
    return java.util.Optional.of(
        new Views.ObjectPage(
            Display.kindName(kind),
            sourceKey,
            label.isEmpty() ? sourceKey : label,
            link != null,
            link == null ? "" : link.targetId(),
            link == null ? "" : Display.time(link.syncedAt()),
            link != null && link.disabled(),
            link == null ? "" : link.contentHash(),
            pushed == null ? "" : pretty(pushed),
            kind == ObjectKind.USER ? "Member of" : "Members",
            memberships,
            changes,
            runs.size()));
  }

  private List<Views.Ref> memberships(ObjectKind kind, String sourceKey, StoredState state) {
    Set<String> keys = new TreeSet<>();
    ObjectKind other;
    if (kind == ObjectKind.USER) {
      other = ObjectKind.GROUP;
      state
          .memberships()
          .forEach(
              (group, users) -> {
                if (users.contains(sourceKey)) {
                  keys.add(group);
                }
              });
    } else {
      other = ObjectKind.USER;
      keys.addAll(state.memberships().getOrDefault(sourceKey, Set.of()));
    }
    Map<String, ObjectNode> resources = store.pushedResources(other, keys);
    List<Views.Ref> refs = new ArrayList<>();
    for (String key : keys) {
      ObjectNode resource = resources.get(key);
      String label = resource == null ? key : labelOf(other, resource, key);
      refs.add(ref(other, key, label, ""));
    }
    refs.sort(Comparator.comparing(Views.Ref::label, String.CASE_INSENSITIVE_ORDER));
    return refs;
  }

  /**
   * Users and groups whose name, e-mail, source key or target id contains {@code query} (any case):
   * the linked ones, and those named in the journals of the recent runs (a user whose create failed
   * has no link).
   */
  public Views.SearchPage search(String query) {
    String needle = query.trim().toLowerCase(Locale.ROOT);
    if (needle.isEmpty()) {
      return new Views.SearchPage("", List.of(), false, 0);
    }
    Map<String, Views.Ref> found = new LinkedHashMap<>();
    StoredState state = store.load();
    searchLinks(ObjectKind.USER, state.users(), needle, found);
    searchLinks(ObjectKind.GROUP, state.groups(), needle, found);
    List<RunRecord> runs = store.recentRuns(RUNS_SEARCHED);
    for (RunRecord run : runs) {
      for (JournalRecord record : store.journal(run.id())) {
        ObjectKind kind = record.entry().objectKind();
        String id = kind + "/" + record.entry().sourceKey();
        if (!found.containsKey(id) && HistoryPages.matches(record, needle)) {
          found.put(
              id,
              ref(
                  kind,
                  record.entry().sourceKey(),
                  record.entry().label(),
                  "not linked; changed in run " + run.id()));
        }
      }
    }
    List<Views.Ref> results = found.values().stream().limit(MAX_RESULTS).toList();
    return new Views.SearchPage(query.trim(), results, true, runs.size());
  }

  private void searchLinks(
      ObjectKind kind, Map<String, Link> links, String needle, Map<String, Views.Ref> found) {
    Map<String, ObjectNode> resources = store.pushedResources(kind, links.keySet());
    for (Link link : links.values()) {
      ObjectNode resource = resources.get(link.sourceKey());
      String label =
          resource == null ? link.sourceKey() : labelOf(kind, resource, link.sourceKey());
      boolean hit =
          link.sourceKey().toLowerCase(Locale.ROOT).contains(needle)
              || link.targetId().toLowerCase(Locale.ROOT).contains(needle)
              || (resource != null && textOf(resource).contains(needle));
      if (hit) {
        found.put(
            kind + "/" + link.sourceKey(),
            ref(kind, link.sourceKey(), label, link.disabled() ? "disabled" : "linked"));
      }
    }
  }

  private static String textOf(ObjectNode resource) {
    StringBuilder text = new StringBuilder();
    for (String field : List.of("userName", "displayName", "emails", "name")) {
      JsonNode value = resource.get(field);
      if (value != null) {
        text.append(value.toString()).append(' ');
      }
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  private static String labelOf(ObjectKind kind, ObjectNode resource, String fallback) {
    JsonNode name = resource.get(kind == ObjectKind.USER ? "userName" : "displayName");
    return name != null && name.isTextual() ? name.asText() : fallback;
  }

  private static Views.Ref ref(ObjectKind kind, String key, String label, String note) {
    return new Views.Ref(Display.kindName(kind), label, key, Display.objectHref(kind, key), note);
  }

  private static String pretty(ObjectNode resource) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      return resource.toString();
    }
  }
}
