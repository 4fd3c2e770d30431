package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.directory.scim.protocol.data.PatchRequest;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimServerException;

/**
 * The SCIM calls on one resource type ({@code /Users} or {@code /Groups}): list with paging, get,
 * create, replace, patch and delete.
 *
 * @param <T> the SCIMple resource class
 */
public final class ResourceEndpoint<T extends ScimResource> {

  /** The operations of one resource type. */
  public record Apis(
      ScimApi list, ScimApi get, ScimApi create, ScimApi put, ScimApi patch, ScimApi delete) {

    /** The user operations. */
    public static final Apis USERS =
        new Apis(
            ScimApi.LIST_USERS,
            ScimApi.GET_USER,
            ScimApi.CREATE_USER,
            ScimApi.PUT_USER,
            ScimApi.PATCH_USER,
            ScimApi.DELETE_USER);

    /** The group operations. */
    public static final Apis GROUPS =
        new Apis(
            ScimApi.LIST_GROUPS,
            ScimApi.GET_GROUP,
            ScimApi.CREATE_GROUP,
            ScimApi.PUT_GROUP,
            ScimApi.PATCH_GROUP,
            ScimApi.DELETE_GROUP);
  }

  private final ScimHttp http;
  private final ScimJson json;
  private final CapabilityBook book;
  private final String path;
  private final Class<T> type;
  private final Apis apis;

  /**
   * Creates the endpoint.
   *
   * @param http the transport
   * @param json the SCIM mapper
   * @param book what is known of the target: page size and paging style
   * @param path {@code Users} or {@code Groups}
   * @param type the resource class
   * @param apis the operation names
   */
  public ResourceEndpoint(
      ScimHttp http, ScimJson json, CapabilityBook book, String path, Class<T> type, Apis apis) {
    this.http = Objects.requireNonNull(http, "http");
    this.json = Objects.requireNonNull(json, "json");
    this.book = Objects.requireNonNull(book, "book");
    this.path = path;
    this.type = type;
    this.apis = apis;
  }

  /**
   * Every resource matching the filter, page by page (see {@link Paging}); close or fully consume
   * the stream.
   *
   * @param filter a SCIM filter, or null for all
   * @return the resources
   */
  public Stream<T> list(@Nullable String filter) {
    String api = apis.list().apiName();
    return listTrees(filter).map(node -> json.convert(api, node, type));
  }

  /**
   * Every resource matching the filter as the JSON object the server sent, page by page (cursor
   * pages fetched ahead by a {@link CursorChain}): each page is parsed once, from its bytes, into
   * trees on the consuming thread, with no conversion to the resource class. Close or fully consume
   * the stream.
   *
   * @param filter a SCIM filter, or null for all
   * @return the resources
   * @throws ScimServerException from the stream when a page or a listed resource is not a JSON
   *     object
   */
  public Stream<ObjectNode> listTrees(@Nullable String filter) {
    return listTrees(filter, null);
  }

  /**
   * As {@link #listTrees(String)}, asking for these attributes ({@code attributes=}).
   *
   * @param filter a SCIM filter, or null for all
   * @param attributes the attributes to return, comma-separated, or null for the default ones
   * @return the resources
   */
  public Stream<ObjectNode> listTrees(@Nullable String filter, @Nullable String attributes) {
    String api = apis.list().apiName();
    String collection =
        attributes == null ? path : path + "?attributes=" + Paging.encode(attributes);
    return Paging.stream(
            api,
            collection,
            filter,
            book.pageSize(),
            book.cursorPaging(),
            query -> http.send(apis.list(), "GET", query, null).body(),
            body -> json.compactTree(api, body))
        .map(node -> object(api, node));
  }

  /**
   * The name of the list operation, for errors.
   *
   * @return such as {@code ListUsers}
   */
  public String listApiName() {
    return apis.list().apiName();
  }

  /**
   * The resource class.
   *
   * @return such as {@code ScimUser}
   */
  public Class<T> type() {
    return type;
  }

  private static ObjectNode object(String api, JsonNode node) {
    if (node instanceof ObjectNode resource) {
      return resource;
    }
    throw new ScimServerException(
        api, 200, "a listed resource is not a JSON object: " + node.getNodeType(), null, null);
  }

  /**
   * One resource.
   *
   * @param id its id
   * @return the resource, empty on 404
   */
  public Optional<T> get(String id) {
    return get(id, null);
  }

  /**
   * One resource, with these attributes.
   *
   * @param id its id
   * @param attributes the attributes to return ({@code attributes=}), or null for the default ones
   * @return the resource, empty on 404
   */
  public Optional<T> get(String id, @Nullable String attributes) {
    String query = attributes == null ? "" : "?attributes=" + Paging.encode(attributes);
    try {
      HttpReply reply = http.send(apis.get(), "GET", resourcePath(id) + query, null);
      return Optional.of(read(apis.get(), reply));
    } catch (ScimNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates a resource, and remembers it as just created (a 404 on it soon after is retried).
   *
   * @param resource the resource
   * @return the created resource, as the server answered it (with its id)
   */
  public T create(T resource) {
    HttpReply reply = http.send(apis.create(), "POST", path, json.write(resource));
    T created = read(apis.create(), reply);
    String id = created.getId();
    if (id != null && !id.isBlank()) {
      http.created(resourcePath(id));
    }
    return created;
  }

  /**
   * Replaces a resource.
   *
   * @param id its id
   * @param resource the full new content
   * @return the resource as answered by the server
   */
  public T replace(String id, T resource) {
    HttpReply reply = http.send(apis.put(), "PUT", resourcePath(id), json.write(resource));
    return read(apis.put(), reply);
  }

  /**
   * Sends one PATCH request; 200 with a body and 204 are both success.
   *
   * @param id the resource id
   * @param ops the operations, not empty
   */
  public void patch(String id, List<PatchOperation> ops) {
    if (ops.isEmpty()) {
      return;
    }
    PatchRequest request = new PatchRequest().setPatchOperationList(List.copyOf(ops));
    http.send(apis.patch(), "PATCH", resourcePath(id), json.write(request));
  }

  /**
   * Deletes a resource; one that is already gone (404) counts as deleted.
   *
   * @param id the resource id
   * @return true if deleted now, false if it was already gone
   */
  public boolean delete(String id) {
    try {
      http.send(apis.delete(), "DELETE", resourcePath(id), null);
      return true;
    } catch (ScimNotFoundException e) {
      return false;
    }
  }

  private T read(ScimApi api, HttpReply reply) {
    if (reply.blank()) {
      throw new ScimServerException(
          api.apiName(), 200, "the answer has no resource body", null, null);
    }
    JsonNode tree = json.tree(api.apiName(), reply.body());
    return json.convert(api.apiName(), tree, type);
  }

  private String resourcePath(String id) {
    if (id.isBlank()) {
      throw new IllegalArgumentException("a resource id must not be blank");
    }
    return path + "/" + Paging.encode(id);
  }
}
