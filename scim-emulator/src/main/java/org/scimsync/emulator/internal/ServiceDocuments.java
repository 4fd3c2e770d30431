package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The discovery documents: ServiceProviderConfig, Schemas and ResourceTypes. */
final class ServiceDocuments {
  private ServiceDocuments() {}

  static byte[] serviceProviderConfig(boolean aws) {
    ObjectNode doc = ResourceDocuments.MAPPER.createObjectNode();
    doc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    doc.putObject("patch").put("supported", true);
    doc.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
    doc.putObject("filter").put("supported", true).put("maxResults", aws ? 50 : 1000);
    doc.putObject("changePassword").put("supported", false);
    doc.putObject("sort").put("supported", false);
    doc.putObject("etag").put("supported", false);
    ArrayNode schemes = doc.putArray("authenticationSchemes");
    schemes
        .addObject()
        .put("type", "oauthbearertoken")
        .put("name", "OAuth Bearer Token")
        .put("description", "Authentication with a bearer token")
        .put("primary", true);
    return ResourceDocuments.bytes(doc);
  }

  static byte[] schemas() {
    ObjectNode doc = listOf(3);
    ArrayNode resources = doc.putArray("Resources");
    resources.addObject().put("id", ResourceDocuments.USER_SCHEMA).put("name", "User");
    resources.addObject().put("id", ResourceDocuments.GROUP_SCHEMA).put("name", "Group");
    resources
        .addObject()
        .put("id", ResourceDocuments.ENTERPRISE_USER)
        .put("name", "EnterpriseUser");
    return ResourceDocuments.bytes(doc);
  }

  static byte[] resourceTypes() {
    ObjectNode doc = listOf(2);
    ArrayNode resources = doc.putArray("Resources");
    ObjectNode user =
        resources
            .addObject()
            .put("id", "User")
            .put("name", "User")
            .put("endpoint", "/Users")
            .put("schema", ResourceDocuments.USER_SCHEMA);
    user.putArray("schemaExtensions")
        .addObject()
        .put("schema", ResourceDocuments.ENTERPRISE_USER)
        .put("required", false);
    resources
        .addObject()
        .put("id", "Group")
        .put("name", "Group")
        .put("endpoint", "/Groups")
        .put("schema", ResourceDocuments.GROUP_SCHEMA);
    return ResourceDocuments.bytes(doc);
  }

  private static ObjectNode listOf(int total) {
    ObjectNode doc = ResourceDocuments.MAPPER.createObjectNode();
    doc.putArray("schemas").add(ResourceDocuments.LIST_RESPONSE);
    doc.put("totalResults", total).put("itemsPerPage", total).put("startIndex", 1);
    return doc;
  }
}
