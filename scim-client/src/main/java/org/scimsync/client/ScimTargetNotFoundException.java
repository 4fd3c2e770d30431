package org.scimsync.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The target answered 404 for a collection ({@code /Users}, {@code /Groups}, {@code
 * /ServiceProviderConfig}, a search or a create): the base URL or its tenant id is wrong (AWS
 * answers {@code "TENANT does not exist."}), not "the object is gone". A configuration error that
 * stops the run, of kind {@link ScimException.Kind#AUTH_REFUSED} like a refused token. A 404 on one
 * resource ({@code /Users/{id}}) stays a {@link ScimNotFoundException}.
 */
public final class ScimTargetNotFoundException extends ScimUnauthorizedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param api the SCIM operation
   * @param baseUrl the configured base URL ({@code target.url})
   * @param collection the collection asked for, such as {@code Users}
   * @param detail the server's detail, if any
   * @param scimType the server's {@code scimType}, if any
   * @param requestId the target's id of the request, if it sent one
   */
  public ScimTargetNotFoundException(
      String api,
      URI baseUrl,
      String collection,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable String requestId) {
    super(
        new Failure(api, 404, detail, scimType, requestId, null),
        message(api, baseUrl, collection, detail, requestId));
  }

  private static String message(
      String api,
      URI baseUrl,
      String collection,
      @Nullable String detail,
      @Nullable String requestId) {
    StringBuilder text =
        new StringBuilder(api)
            .append(" failed: HTTP 404 for the collection /")
            .append(collection)
            .append(": the target does not know this tenant or path; check the tenant id in")
            .append(" target.url ")
            .append(baseUrl);
    if (detail != null) {
      text.append(" (the server says \"").append(detail).append("\")");
    }
    if (requestId != null) {
      text.append(" (request id ").append(requestId).append(')');
    }
    return text.toString();
  }
}
