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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.service.ui.PageTarget;

/**
 * One user or group of a target (its link, the resource last pushed, its memberships and the
 * changes of the recent runs that touched it), and the search by name among the targets.
 */
public final class ObjectPages {

  /** Runs whose journals are searched for the changes of an object and for names. */
  static final int RUNS_SEARCHED = 50;

  /** The most search results shown. */
  static final int MAX_RESULTS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<PageTarget> targets;

  /**
   * @param targets the targets, in the order of the overview; at least one
   */
  public ObjectPages(List<PageTarget> targets) {
    this.targets = List.copyOf(targets);
    if (this.targets.isEmpty()) {
      throw new IllegalArgumentException("the status page needs at least one target");
    }
  }

  /**
   * The page of one user or group of the target {@code in}, or of the first target that knows it;
   * it exists when it is linked or a recent change touched it.
   */
  public Optional<Views.ObjectPage> object(
      @Nullable PageTarget in, ObjectKind kind, String sourceKey) {
    for (PageTarget target : targets) {
      if (in == null || in.name().equals(target.name())) {
        Optional<Views.ObjectPage> page = objectOf(target, kind, sourceKey);
        if (page.isPresent()) {
          return page;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Views.ObjectPage> objectOf(
      PageTarget target, ObjectKind kind, String sourceKey) {
    StateStore store = target.store();
    StoredState state = store.load();
    Map<String, Link> links = kind == ObjectKind.USER ? state.users() : state.groups();
    Link link = links.get(sourceKey);
    List<RunRecord> runs = store.recentRuns(RUNS_SEARCHED);
    List<Views.ChangeRow> changes = new ArrayList<>();
    String label = "";
    for (RunRecord run : runs) {
      for (JournalRecord record : store.journal(run.id())) {
        if (record.entry().objectKind() == kind && record.entry().sourceKey().equals(sourceKey)) {
          changes.add(Display.change(record, link(target)));
          if (label.isEmpty()) {
            label = record.entry().label();
          }
        }
      }
    }
    if (link == null && changes.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode pushed = store.pushedResources(kind, List.of(sourceKey)).get(sourceKey);
    if (pushed != null) {
      label = labelOf(kind, pushed, label);
    }
    List<Views.Ref> memberships = memberships(target, kind, sourceKey, state);
    return Optional.of(
        new Views.ObjectPage(
            target.name(),
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

  private List<Views.Ref> memberships(
      PageTarget target, ObjectKind kind, String sourceKey, StoredState state) {
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
    Map<String, ObjectNode> resources = target.store().pushedResources(other, keys);
    List<Views.Ref> refs = new ArrayList<>();
    for (String key : keys) {
      ObjectNode resource = resources.get(key);
      String label = resource == null ? key : labelOf(other, resource, key);
      refs.add(ref(target, other, key, label, ""));
    }
    refs.sort(Comparator.comparing(Views.Ref::label, String.CASE_INSENSITIVE_ORDER));
    return refs;
  }

  /**
   * Users and groups whose name, e-mail, source key or target id contains {@code query} (any case),
   * in the target {@code in} or in every target: the linked ones, and those named in the journals
   * of the recent runs (a user whose create failed has no link). Each result names its target.
   */
  public Views.SearchPage search(@Nullable PageTarget in, String query) {
    List<PageTarget> among =
        targets.stream().filter(t -> in == null || in.name().equals(t.name())).toList();
    String names = among.stream().map(PageTarget::name).collect(Collectors.joining(", "));
    String needle = query.trim().toLowerCase(Locale.ROOT);
    if (needle.isEmpty()) {
      return new Views.SearchPage("", List.of(), false, 0, names);
    }
    Map<String, Views.Ref> found = new LinkedHashMap<>();
    int runsSearched = 0;
    for (PageTarget target : among) {
      runsSearched = Math.max(runsSearched, search(target, needle, found));
    }
    List<Views.Ref> results = found.values().stream().limit(MAX_RESULTS).toList();
    return new Views.SearchPage(query.trim(), results, true, runsSearched, names);
  }

  /** Adds what one target has of {@code needle}; returns how many of its runs were searched. */
  private int search(PageTarget target, String needle, Map<String, Views.Ref> found) {
    StateStore store = target.store();
    StoredState state = store.load();
    searchLinks(target, ObjectKind.USER, state.users(), needle, found);
    searchLinks(target, ObjectKind.GROUP, state.groups(), needle, found);
    List<RunRecord> runs = store.recentRuns(RUNS_SEARCHED);
    for (RunRecord run : runs) {
      for (JournalRecord record : store.journal(run.id())) {
        ObjectKind kind = record.entry().objectKind();
        String id = target.name() + "/" + kind + "/" + record.entry().sourceKey();
        if (!found.containsKey(id) && HistoryPages.matches(record, needle)) {
          found.put(
              id,
              ref(
                  target,
                  kind,
                  record.entry().sourceKey(),
                  record.entry().label(),
                  "not linked; changed in run " + run.id()));
        }
      }
    }
    return runs.size();
  }

  private void searchLinks(
      PageTarget target,
      ObjectKind kind,
      Map<String, Link> links,
      String needle,
      Map<String, Views.Ref> found) {
    Map<String, ObjectNode> resources = target.store().pushedResources(kind, links.keySet());
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
            target.name() + "/" + kind + "/" + link.sourceKey(),
            ref(target, kind, link.sourceKey(), label, link.disabled() ? "disabled" : "linked"));
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

  private @Nullable String link(PageTarget target) {
    return Display.linkTarget(target.name(), targets.size() > 1);
  }

  private Views.Ref ref(PageTarget target, ObjectKind kind, String key, String label, String note) {
    return new Views.Ref(
        target.name(),
        Display.kindName(kind),
        label,
        key,
        Display.objectHref(kind, key, link(target)),
        note);
  }

  private static String pretty(ObjectNode resource) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      return resource.toString();
    }
  }
}
