package org.scimsync.emulator.internal;

import org.jspecify.annotations.Nullable;
import org.scimsync.emulator.EmulatorException;

/**
 * A refused SCIM request: the HTTP status, the {@code detail} text and the RFC 7644 {@code
 * scimType} (which the AWS profile leaves out of its bodies).
 */
public final class ScimProblem extends EmulatorException {
  private static final long serialVersionUID = 1L;

  /** The detail AWS gives for a duplicate. */
  public static final String DUPLICATE = "Refused to create a new, duplicate resource.";

  /** The detail AWS gives for a body it cannot accept as a whole. */
  public static final String UNPARSABLE =
      "Request is unparsable, syntactically incorrect, or violates schema.";

  /** The detail AWS gives for {@code replace} on group members. */
  public static final String REPLACE_MEMBERS = "Replacing group memberships is not supported.";

  private final int status;
  private final @Nullable String scimType;

  private ScimProblem(int status, @Nullable String scimType, String detail) {
    super(Kind.INVALID_INPUT, detail);
    this.status = status;
    this.scimType = scimType;
  }

  /** HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** RFC 7644 error type, if one applies. */
  public @Nullable String scimType() {
    return scimType;
  }

  /** The detail text of the answer. */
  public String detail() {
    return getMessage();
  }

  /** 400 with RFC type {@code invalidValue}. */
  public static ScimProblem invalidValue(String detail) {
    return new ScimProblem(400, "invalidValue", detail);
  }

  /** 400 with RFC type {@code invalidSyntax}. */
  public static ScimProblem invalidSyntax(String detail) {
    return new ScimProblem(400, "invalidSyntax", detail);
  }

  /** 400 with RFC type {@code invalidFilter}. */
  public static ScimProblem invalidFilter(String detail) {
    return new ScimProblem(400, "invalidFilter", detail);
  }

  /** 400 with RFC type {@code invalidPath}. */
  public static ScimProblem invalidPath(String detail) {
    return new ScimProblem(400, "invalidPath", detail);
  }

  /** 400 with RFC type {@code noTarget}. */
  public static ScimProblem noTarget(String detail) {
    return new ScimProblem(400, "noTarget", detail);
  }

  /** 400 with RFC type {@code mutability}. */
  public static ScimProblem mutability(String detail) {
    return new ScimProblem(400, "mutability", detail);
  }

  /** 400 with RFC type {@code tooMany}. */
  public static ScimProblem tooMany(String detail) {
    return new ScimProblem(400, "tooMany", detail);
  }

  /** 409 duplicate, with the AWS detail text. */
  public static ScimProblem duplicate() {
    return new ScimProblem(409, "uniqueness", DUPLICATE);
  }

  /** 404. */
  public static ScimProblem notFound(String detail) {
    return new ScimProblem(404, null, detail);
  }

  /** Any other status. */
  public static ScimProblem of(int status, String detail) {
    return new ScimProblem(status, null, detail);
  }
}
