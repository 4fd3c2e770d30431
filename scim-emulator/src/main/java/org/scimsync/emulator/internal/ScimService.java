package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.scimsync.emulator.ServerQuirks;

/**
 * The SCIM operations of one profile over a {@link Directory}: validation, PATCH, filters, paging
 * and rendering. Transport-free: the HTTP handler classifies the request and passes it here.
 */
public final class ScimService {
  private final Directory directory;
  private final boolean aws;
  private final int shortPageEvery;
  private final UserRules userRules;
  private final GroupRules groupRules;
  private final UserPatcher userPatcher;
  private final GroupPatcher groupPatcher;
  private final ListFilters filters;
  private final ErrorBodies errors;
  private final QuirkRules quirks;
  private final ResourceDocuments documents = new ResourceDocuments();

  /**
   * Creates the service.
   *
   * @param directory the data
   * @param aws whether to follow the AWS Identity Center profile (else RFC 7644)
   * @param shortPageEvery cursor pages whose number modulo this is 1 are half full (0 = never)
   * @param quirks the current server quirks
   */
  public ScimService(
      Directory directory, boolean aws, int shortPageEvery, Supplier<ServerQuirks> quirks) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.quirks = new QuirkRules(quirks);
    this.aws = aws;
    this.shortPageEvery = shortPageEvery;
    this.userRules = new UserRules(aws);
    this.groupRules = new GroupRules(aws);
    this.userPatcher = new UserPatcher(aws, userRules);
    this.groupPatcher = new GroupPatcher(aws, groupRules);
    this.filters = new ListFilters(aws);
    this.errors = new ErrorBodies(aws);
  }

  /** The error renderer of this profile. */
  public Reply error(int status, String detail) {
    return errors.of(status, detail, null);
  }

  /** Handles one classified request; never throws for a refused request. */
  public Reply handle(ScimRoute route, Map<String, String> query, byte[] body) {
    try {
      return dispatch(route, query, body);
    } catch (ScimProblem problem) {
      return errors.of(problem);
    }
  }

  private Reply dispatch(ScimRoute route, Map<String, String> query, byte[] body) {
    String id = route.id();
    return switch (route.api()) {
      case "CreateUser" -> created(createUser(parse(body)).json());
      case "GetUser" -> Reply.json(200, requireUser(Objects.requireNonNull(id)).json());
      case "PutUser" -> {
        ObjectNode attributes = quirks.user(userRules.normalize(parse(body)));
        yield Reply.json(200, directory.updateUser(id, current -> attributes).json());
      }
      case "PatchUser" -> {
        var operations = userPatcher.parse(parse(body));
        StoredUser user =
            directory.updateUser(
                id, current -> quirks.user(userPatcher.apply(current, operations)));
        yield aws ? Reply.empty(204) : Reply.json(200, user.json());
      }
      case "DeleteUser" -> {
        directory.deleteUser(Objects.requireNonNull(id), quirks.keepsMembershipsOfDeletedUsers());
        yield Reply.empty(204);
      }
      case "ListUsers" -> listUsers(query);
      case "CreateGroup" -> {
        GroupRules.GroupBody group = groupRules.normalize(parse(body));
        quirks.groupBody(group, true);
        yield created(groupBytes(createGroup(group), query));
      }
      case "GetGroup" -> {
        GroupView view =
            directory.group(Objects.requireNonNull(id), quirks.showsMembers(aws, query));
        if (view == null) {
          throw ScimProblem.notFound("Group " + id + " not found.");
        }
        yield Reply.json(200, groupBytes(view, query));
      }
      case "PutGroup" -> putGroup(Objects.requireNonNull(id), body, query);
      case "PatchGroup" -> {
        GroupPatcher.Parsed patch = groupPatcher.parse(parse(body));
        quirks.memberChanges(patch.memberChanges());
        GroupView view =
            directory.updateGroup(Objects.requireNonNull(id), quirks.group(patch.edit()));
        yield aws ? Reply.empty(204) : Reply.json(200, groupBytes(view, query));
      }
      case "DeleteGroup" -> {
        directory.deleteGroup(Objects.requireNonNull(id));
        yield Reply.empty(204);
      }
      case "ListGroups" -> listGroups(query);
      case "GetServiceProviderConfig" ->
          Reply.json(200, ServiceDocuments.serviceProviderConfig(aws));
      case "GetSchemas" -> Reply.json(200, ServiceDocuments.schemas());
      case "GetResourceTypes" -> Reply.json(200, ServiceDocuments.resourceTypes());
      default -> throw ScimProblem.notFound("No such endpoint.");
    };
  }

  private Reply putGroup(String id, byte[] body, Map<String, String> query) {
    if (aws) {
      throw ScimProblem.invalidValue("PUT is not supported for groups; use PATCH.");
    }
    GroupRules.GroupBody group = groupRules.normalize(parse(body));
    quirks.groupBody(group, false);
    GroupView view =
        directory.updateGroup(
            id,
            quirks.group(
                draft -> {
                  draft.attributes().removeAll();
                  draft.attributes().setAll(group.attributes());
                  draft.members().clear();
                  draft.members().addAll(group.members());
                }));
    return Reply.json(200, groupBytes(view, query));
  }

  private StoredUser createUser(JsonNode body) {
    return directory.createUser(quirks.user(userRules.normalize(body)));
  }

  private GroupView createGroup(GroupRules.GroupBody group) {
    return directory.createGroup(
        quirks.group(
            draft -> {
              draft.attributes().setAll(group.attributes());
              draft.members().addAll(group.members());
            }));
  }

  private StoredUser requireUser(String id) {
    StoredUser user = directory.user(id);
    if (user == null) {
      throw ScimProblem.notFound("User " + id + " not found.");
    }
    return user;
  }

  private Reply listUsers(Map<String, String> query) {
    Selection selection = filters.users(query.get("filter"));
    PageRequest page = PageRequest.of(query, aws, shortPageEvery);
    Slice<StoredUser> slice =
        directory.users(selection, page.afterSeq(), page.skip(), page.limit());
    return list(page, slice, StoredUser::json, StoredUser::seq);
  }

  private Reply listGroups(Map<String, String> query) {
    Selection selection = filters.groups(query.get("filter"));
    if (aws && selection instanceof Selection.Terms terms) {
      for (Selection.Term term : terms.terms()) {
        if (term.field() == Selection.Field.MEMBER && !directory.userExists(term.value())) {
          throw ScimProblem.notFound("User " + term.value() + " not found.");
        }
      }
    }
    PageRequest page = PageRequest.of(query, aws, shortPageEvery);
    boolean withMembers = quirks.showsMembers(aws, query);
    Slice<GroupView> slice =
        directory.groups(selection, page.afterSeq(), page.skip(), page.limit(), withMembers);
    return list(page, slice, view -> groupBytes(view, query), view -> view.group().seq());
  }

  private <T> Reply list(
      PageRequest page, Slice<T> slice, Function<T, byte[]> render, ToLongFunction<T> seq) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + slice.items().size() * 512);
    try {
      out.write(("{\"schemas\":[\"" + ResourceDocuments.LIST_RESPONSE + "\"],").getBytes(UTF8));
      if (!page.cursorMode()) {
        out.write(("\"totalResults\":" + slice.total() + ",").getBytes(UTF8));
        out.write(("\"startIndex\":" + (page.skip() + 1) + ",").getBytes(UTF8));
      }
      out.write(("\"itemsPerPage\":" + slice.items().size() + ",").getBytes(UTF8));
      if (page.cursorMode() && slice.hasMore() && !slice.items().isEmpty()) {
        String next = page.nextCursor(seq.applyAsLong(slice.items().get(slice.items().size() - 1)));
        out.write(("\"nextCursor\":\"" + next + "\",").getBytes(UTF8));
      }
      out.write("\"Resources\":[".getBytes(UTF8));
      boolean first = true;
      for (T item : slice.items()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        out.write(render.apply(item));
      }
      out.write("]}".getBytes(UTF8));
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return Reply.json(200, out.toByteArray());
  }

  /** AWS: always {@code "members": []}; members not asked for (a quirk): no members attribute. */
  private byte[] groupBytes(GroupView view, Map<String, String> query) {
    boolean shown = quirks.showsMembers(aws, query);
    ObjectNode doc = documents.groupJson(shown ? view : new GroupView(view.group(), List.of()));
    if (!shown && !aws) {
      doc.remove("members");
    }
    return ResourceDocuments.bytes(doc);
  }

  private static Reply created(byte[] json) {
    return Reply.json(201, json);
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
    }
    try {
      JsonNode node = ResourceDocuments.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
      }
      return node;
    } catch (IOException e) {
      throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
    }
  }

  /** The {@code id} of a rendered resource, or null. */
  public @Nullable String idOf(byte[] json) {
    try {
      JsonNode id = ResourceDocuments.MAPPER.readTree(json).get("id");
      return id != null && id.isTextual() ? id.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Creates a user directly (seeding), with the profile's validation. */
  public StoredUser seedUser(JsonNode body) {
    return createUser(body);
  }

  /**
   * Creates a group directly (seeding), with the profile's validation; the quirks on members in a
   * request do not apply (a seeded group is one that already exists).
   */
  public GroupView seedGroup(JsonNode body) {
    return createGroup(groupRules.normalize(body));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
