package org.scimsync.engine.target.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.scimsync.client.ScimConcurrentModificationException;
import org.scimsync.client.ScimConflictException;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimTargetNotFoundException;
import org.scimsync.client.ScimUnauthorizedException;
import org.scimsync.engine.target.TargetException;

/** The engine's class of each client failure decides adoption, a failed change or a stop. */
class ScimClientTargetTranslateTest {

  @Test
  void aWrongTenantStopsTheRunLikeARefusedToken() {
    ScimTargetNotFoundException wrongTenant =
        new ScimTargetNotFoundException(
            "ListUsers",
            URI.create("https://scim.example/t-wrong/scim/v2/"),
            "Users",
            "TENANT does not exist.",
            null,
            "req-1");
    ScimUnauthorizedException refused =
        new ScimUnauthorizedException("ListUsers", 401, "bad token", null, null);

    TargetException translated = ScimClientTarget.translate(wrongTenant);

    assertThat(translated.kind())
        .isEqualTo(ScimClientTarget.translate(refused).kind())
        .isEqualTo(TargetException.Kind.UNAUTHORIZED);
    assertThat(translated.httpStatus()).isEqualTo(404);
    assertThat(translated.getMessage())
        .contains("check the tenant id in target.url", "TENANT does not exist.", "req-1");
  }

  @Test
  void aConcurrentModificationIsAFailedChangeNeverAConflictToAdopt() {
    TargetException translated =
        ScimClientTarget.translate(
            new ScimConcurrentModificationException(
                "PatchUser", 409, "concurrently modified", null, "req-2", null));

    assertThat(translated.kind()).isEqualTo(TargetException.Kind.BAD_REQUEST);
    assertThat(translated.httpStatus()).isEqualTo(409);
  }

  @Test
  void onlyADuplicateOnCreateIsAConflictAndOnlyAMissingResourceIsNotFound() {
    assertThat(
            ScimClientTarget.translate(
                    new ScimConflictException("CreateUser", 409, "duplicate", null, null))
                .kind())
        .isEqualTo(TargetException.Kind.CONFLICT);
    assertThat(
            ScimClientTarget.translate(
                    new ScimNotFoundException("PatchUser", 404, "gone", null, null))
                .kind())
        .isEqualTo(TargetException.Kind.NOT_FOUND);
  }
}
