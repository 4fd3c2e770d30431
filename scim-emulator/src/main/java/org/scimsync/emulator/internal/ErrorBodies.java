package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders error answers. AWS profile: {@code {"schemas":[...Error],"detail":"...","status":"409"}}
 * with {@code status} as a string and no {@code scimType}, plus the {@code x-amzn-ErrorType} header
 * naming the AWS exception. RFC 7644 profile: the same with {@code scimType} when one applies.
 */
final class ErrorBodies {
  private final boolean aws;

  ErrorBodies(boolean aws) {
    this.aws = aws;
  }

  Reply of(ScimProblem problem) {
    return of(problem.status(), problem.detail(), problem.scimType());
  }

  Reply of(int status, String detail, @Nullable String scimType) {
    ObjectNode body = ResourceDocuments.MAPPER.createObjectNode();
    body.putArray("schemas").add(ResourceDocuments.ERROR);
    if (!aws && scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail);
    body.put("status", Integer.toString(status));
    return new Reply(
        status, ResourceDocuments.bytes(body), Map.of("x-amzn-ErrorType", awsType(status)));
  }

  static String awsType(int status) {
    return switch (status) {
      case 400 -> "ValidationException";
      case 401 -> "UnauthorizedException";
      case 403 -> "AccessDeniedException";
      case 404 -> "ResourceNotFoundException";
      case 409 -> "ConflictException";
      case 429 -> "ThrottlingException";
      default -> "InternalServerException";
    };
  }
}
