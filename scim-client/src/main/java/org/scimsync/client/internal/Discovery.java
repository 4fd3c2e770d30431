package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.Capability;
import org.scimsync.client.ScimBadRequestException;
import org.scimsync.client.ScimException;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimTargetNotFoundException;
import org.scimsync.client.ServiceProviderInfo;
import org.scimsync.client.TargetCapabilities;

/**
 * Reads what a service provider says about itself: {@code /ServiceProviderConfig} (PATCH, filters
 * and {@code maxResults}, bulk, ETags, sorting, and the paging styles of RFC 9865's {@code
 * pagination}), and where offered {@code /ResourceTypes} and {@code /Schemas} (a Group schema whose
 * {@code members} are {@code returned: request} shows members only when asked for them).
 */
public final class Discovery {

  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private final ScimHttp http;
  private final ScimJson json;

  /**
   * Creates the discovery.
   *
   * @param http the transport
   * @param json the SCIM mapper
   */
  public Discovery(ScimHttp http, ScimJson json) {
    this.http = Objects.requireNonNull(http, "http");
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * What was read.
   *
   * @param info the {@code /ServiceProviderConfig} flags
   * @param announced the capabilities the three documents announce
   * @param resourceTypes the names of {@code /ResourceTypes}, empty when not offered
   */
  public record Found(
      ServiceProviderInfo info, TargetCapabilities announced, List<String> resourceTypes) {}

  /**
   * Reads {@code /ServiceProviderConfig} only.
   *
   * @return its flags
   */
  public ServiceProviderInfo serviceProviderConfig() {
    return info(document(ScimApi.SERVICE_PROVIDER_CONFIG, "ServiceProviderConfig"));
  }

  /**
   * Reads the three documents; {@code /ResourceTypes} and {@code /Schemas} only where offered.
   *
   * @return what they say
   * @throws ScimException when the target refuses the credentials or cannot be reached
   */
  public Found discover() {
    JsonNode config = optional(ScimApi.SERVICE_PROVIDER_CONFIG, "ServiceProviderConfig");
    if (config == null) {
      // Not offered: nothing is announced, everything is learned.
      return new Found(info(NullNode.getInstance()), TargetCapabilities.NONE, List.of());
    }
    ServiceProviderInfo info = info(config);
    TargetCapabilities announced =
        TargetCapabilities.NONE
            .with(Capability.PATCH, Boolean.toString(info.patchSupported()))
            .with(Capability.FILTER, Boolean.toString(info.filterSupported()))
            .with(Capability.BULK, Boolean.toString(info.bulkSupported()))
            .with(Capability.ETAG, Boolean.toString(info.etagSupported()))
            .with(Capability.SORT, Boolean.toString(info.sortSupported()));
    if (info.filterMaxResults() > 0) {
      announced = announced.with(Capability.MAX_RESULTS, Integer.toString(info.filterMaxResults()));
    }
    JsonNode pagination = config.path("pagination");
    if (pagination.path("cursor").asBoolean(false) && !pagination.path("index").asBoolean(true)) {
      announced = announced.with(Capability.PAGING, "cursor");
    } else if (pagination.isObject()) {
      announced = announced.with(Capability.PAGING, "index");
    }
    List<String> types = new ArrayList<>();
    JsonNode resourceTypes = optional(ScimApi.RESOURCE_TYPES, "ResourceTypes");
    if (resourceTypes != null) {
      resources(resourceTypes).forEach(type -> types.add(type.path("name").asText("?")));
    }
    JsonNode schemas = optional(ScimApi.SCHEMAS, "Schemas");
    if (schemas != null) {
      for (JsonNode schema : resources(schemas)) {
        if (GROUP_SCHEMA.equals(schema.path("id").asText())) {
          for (JsonNode attribute : schema.path("attributes")) {
            if ("members".equals(attribute.path("name").asText())) {
              String returned = attribute.path("returned").asText("default");
              announced =
                  announced.with(
                      Capability.MEMBERS_ON_REQUEST,
                      Boolean.toString(returned.equals("request") || returned.equals("never")));
            }
          }
        }
      }
    }
    return new Found(info, announced, List.copyOf(types));
  }

  private JsonNode document(ScimApi api, String path) {
    return json.tree(api.apiName(), http.send(api, "GET", path, null).body());
  }

  private @Nullable JsonNode optional(ScimApi api, String path) {
    try {
      return document(api, path);
    } catch (ScimTargetNotFoundException | ScimNotFoundException | ScimBadRequestException e) {
      return null; // not offered
    } catch (ScimException e) {
      if (e.status() == 501 || e.status() == 405) {
        return null;
      }
      throw e;
    }
  }

  private static List<JsonNode> resources(JsonNode list) {
    List<JsonNode> found = new ArrayList<>();
    JsonNode resources = list.has("Resources") ? list.get("Resources") : list;
    if (resources.isArray()) {
      resources.forEach(found::add);
    }
    return found;
  }

  private static ServiceProviderInfo info(JsonNode tree) {
    return new ServiceProviderInfo(
        supported(tree, "patch"),
        supported(tree, "bulk"),
        supported(tree, "filter"),
        tree.path("filter").path("maxResults").asInt(0),
        supported(tree, "sort"),
        supported(tree, "etag"),
        supported(tree, "changePassword"));
  }

  private static boolean supported(JsonNode tree, String feature) {
    return tree.path(feature).path("supported").asBoolean(false);
  }
}
