package org.scimsync.emulator.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM request classified by API name (the AWS operation names, used for statistics and the
 * per-API rate limits).
 *
 * @param api the API name, e.g. {@code CreateUser}, or {@code Unknown}
 * @param resource {@code Users}, {@code Groups} or another endpoint name
 * @param id the resource id of the path, if any
 */
public record ScimRoute(String api, String resource, @Nullable String id) {

  /** Classifies a method and the path segments after {@code /scim/v2}. */
  public static ScimRoute classify(String method, List<String> segments) {
    if (segments.isEmpty() || segments.size() > 2) {
      return new ScimRoute("Unknown", "", null);
    }
    String resource = segments.get(0);
    String id = segments.size() == 2 ? segments.get(1) : null;
    String m = method.toUpperCase(Locale.ROOT);
    String api =
        switch (resource) {
          case "Users" -> operation(m, id, "User", "Users");
          case "Groups" -> operation(m, id, "Group", "Groups");
          case "ServiceProviderConfig" -> m.equals("GET") ? "GetServiceProviderConfig" : "Unknown";
          case "Schemas" -> m.equals("GET") ? "GetSchemas" : "Unknown";
          case "ResourceTypes" -> m.equals("GET") ? "GetResourceTypes" : "Unknown";
          default -> "Unknown";
        };
    return new ScimRoute(api, resource, id);
  }

  private static String operation(String method, @Nullable String id, String one, String many) {
    if (id == null) {
      return switch (method) {
        case "GET" -> "List" + many;
        case "POST" -> "Create" + one;
        default -> "Unknown";
      };
    }
    return switch (method) {
      case "GET" -> "Get" + one;
      case "PUT" -> "Put" + one;
      case "PATCH" -> "Patch" + one;
      case "DELETE" -> "Delete" + one;
      default -> "Unknown";
    };
  }
}
