package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodyTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void readsAnAwsBodyWithAStringStatus() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"detail\":\"Replacing group memberships is not supported.\",\"status\":\"400\"}",
            json);

    assertThat(body)
        .isEqualTo(new ErrorBody("Replacing group memberships is not supported.", null, null));
  }

  @Test
  void readsAnRfcBodyWithANumericStatusAndScimType() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"scimType\":\"uniqueness\",\"detail\":\"userName taken\",\"status\":409}",
            json);

    assertThat(body).isEqualTo(new ErrorBody("userName taken", "uniqueness", null));
  }

  @Test
  void readsTheAwsExceptionRequestId() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"detail\":\"Refused to create a new, duplicate resource.\",\"status\":\"409\","
                + "\"exceptionRequestId\":\"7a1c-42\",\"timeStamp\":\"2024-05-01 10:00:00.0\"}",
            json);

    assertThat(body.requestId()).isEqualTo("7a1c-42");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "[1,2]", "null", "{\"status\":422}", "{\"detail\":{\"nested\":true}}"})
  void survivesBodiesWithoutADetail(String raw) {
    ErrorBody body = ErrorBody.parse(raw, json);

    assertThat(body.scimType()).isNull();
    assertThat(body.detail())
        .satisfiesAnyOf(d -> assertThat(d).isNull(), d -> assertThat(d).isEqualTo(raw.strip()));
  }

  @Test
  void keepsTheShortenedStartOfANonJsonBody() {
    String html = "<html>\n<body>" + "x".repeat(1000) + "</body></html>";

    ErrorBody body = ErrorBody.parse(html, json);

    assertThat(body.detail()).startsWith("<html> <body>xxx").hasSize(ErrorBody.MAX_DETAIL + 1);
  }
}
