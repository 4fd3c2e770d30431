package org.scimsync.client.internal;

/**
 * The SCIM operations, named as AWS names its APIs. Each one gets its own client-side rate limiter,
 * at the read or the write rate.
 */
public enum ScimApi {
  LIST_USERS("ListUsers", false),
  GET_USER("GetUser", false),
  CREATE_USER("CreateUser", true),
  PUT_USER("PutUser", true),
  PATCH_USER("PatchUser", true),
  DELETE_USER("DeleteUser", true),
  LIST_GROUPS("ListGroups", false),
  GET_GROUP("GetGroup", false),
  CREATE_GROUP("CreateGroup", true),
  PUT_GROUP("PutGroup", true),
  PATCH_GROUP("PatchGroup", true),
  DELETE_GROUP("DeleteGroup", true),
  SERVICE_PROVIDER_CONFIG("ServiceProviderConfig", false),
  RESOURCE_TYPES("ResourceTypes", false),
  SCHEMAS("Schemas", false);

  private final String apiName;
  private final boolean write;

  ScimApi(String apiName, boolean write) {
    this.apiName = apiName;
    this.write = write;
  }

  /**
   * The operation name used in listeners, logs and exceptions.
   *
   * @return for example {@code CreateUser}
   */
  public String apiName() {
    return apiName;
  }

  /**
   * Whether the operation changes the target (and so uses the write rate).
   *
   * @return true for create, put, patch and delete
   */
  public boolean write() {
    return write;
  }
}
