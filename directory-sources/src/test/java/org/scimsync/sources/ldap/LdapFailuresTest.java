package org.scimsync.sources.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.SourceException;

/** The messages that tell an administrator what to change. */
class LdapFailuresTest {

  private static final String SERVER = "ldap://ldap.example.com:389";

  @Test
  void aSizeLimitNamesTheLimitToRaiseForTheBindAccount() {
    SourceException e =
        LdapFailures.of(
            SERVER,
            "user search under ou=People,dc=example,dc=com",
            new LDAPException(ResultCode.SIZE_LIMIT_EXCEEDED, "Size limit exceeded"),
            "cn=svc-scim,dc=example,dc=com");

    assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .contains("size limit exceeded (4)")
        .contains("searches by cn=svc-scim,dc=example,dc=com")
        .contains("limits dn.exact=\"cn=svc-scim,dc=example,dc=com\" size=unlimited")
        .contains("olcLimits")
        .contains("MaxPageSize")
        .contains("pageSize")
        .doesNotContain("lower pageSize below its limit");
  }

  @Test
  void aSizeLimitOfAnonymousSearchesSaysSo() {
    SourceException e =
        LdapFailures.of(
            SERVER, "user search", new LDAPException(ResultCode.SIZE_LIMIT_EXCEEDED), null);

    assertThat(e.getMessage()).contains("anonymous searches", "limits anonymous size=unlimited");
  }

  @Test
  void strongAuthRequiredPointsToLdapsAndStartTls() {
    SourceException e =
        LdapFailures.of(
            SERVER,
            "bind as cn=svc",
            new LDAPException(
                ResultCode.STRONG_AUTH_REQUIRED, "BindSimple: Transport encryption required."));

    assertThat(e.getMessage())
        .contains("strong auth required (8): BindSimple: Transport encryption required.")
        .contains("ldaps://", "startTls: true", "trustStore");
    assertThat(
            LdapFailures.of(
                    SERVER, "bind", new LDAPException(ResultCode.CONFIDENTIALITY_REQUIRED, "TLS"))
                .getMessage())
        .contains("ldaps://", "startTls: true");
  }
}
