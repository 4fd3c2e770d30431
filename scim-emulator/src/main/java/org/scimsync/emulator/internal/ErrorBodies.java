package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders error answers. AWS profile, as observed (idp-scim-sync #30, #98): {@code
 * {"schema":[...Error],"schemas":[...Error],"detail":"...","status":"409","exceptionRequestId":
 * "<uuid>","timeStamp":"2023-01-03 11:50:22.856"}} with {@code status} as a string, no {@code
 * scimType}, a fresh {@code exceptionRequestId} also sent as the {@code x-amzn-RequestId} header,
 * and the {@code x-amzn-ErrorType} header naming the AWS exception. RFC 7644 profile: {@code
 * schemas}, {@code detail}, {@code status} and {@code scimType} when one applies.
 */
final class ErrorBodies {
  private static final DateTimeFormatter TIME_STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final boolean aws;

  ErrorBodies(boolean aws) {
    this.aws = aws;
  }

  Reply of(ScimProblem problem) {
    return of(problem.status(), problem.detail(), problem.scimType());
  }

  Reply of(int status, String detail, @Nullable String scimType) {
    ObjectNode body = ResourceDocuments.MAPPER.createObjectNode();
    if (aws) {
      body.putArray("schema").add(ResourceDocuments.ERROR);
    }
    body.putArray("schemas").add(ResourceDocuments.ERROR);
    if (!aws && scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail);
    body.put("status", Integer.toString(status));
    if (!aws) {
      return new Reply(
          status, ResourceDocuments.bytes(body), Map.of("x-amzn-ErrorType", awsType(status)));
    }
    String requestId = RequestIds.next();
    body.put("exceptionRequestId", requestId);
    body.put("timeStamp", TIME_STAMP.format(Instant.now()));
    return new Reply(
        status,
        ResourceDocuments.bytes(body),
        Map.of("x-amzn-ErrorType", awsType(status), RequestIds.HEADER, requestId));
  }

  static String awsType(int status) {
    return switch (status) {
      case 400 -> "ValidationException";
      case 401 -> "UnauthorizedException";
      case 403 -> "AccessDeniedException";
      case 404 -> "ResourceNotFoundException";
      case 409 -> "ConflictException";
      case 411 -> "LengthRequiredException";
      case 429 -> "ThrottlingException";
      default -> "InternalServerException";
    };
  }
}
