package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
        .isEqualTo(
            new ErrorBody("Replacing group memberships is not supported.", null, null, 400, true));
  }

  @Test
  void readsAnRfcBodyWithANumericStatusAndScimType() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"scimType\":\"uniqueness\",\"detail\":\"userName taken\",\"status\":409}",
            json);

    assertThat(body).isEqualTo(new ErrorBody("userName taken", "uniqueness", null, 409, true));
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

  /** AWS bodies of 2022 (idp-scim-sync #30, #42, #45): one {@code schema} string, no array. */
  @Test
  void readsA2022AwsBodyWithSchemaInsteadOfSchemas() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schema\":\"urn:ietf:params:scim:api:messages:2.0:Error\","
                + "\"detail\":\"TENANT does not exist.\",\"status\":\"404\","
                + "\"exceptionRequestId\":\"e-9\",\"timeStamp\":\"2022-03-01 12:00:00.0\"}",
            json);

    assertThat(body).isEqualTo(new ErrorBody("TENANT does not exist.", null, "e-9", 404, true));
  }

  @Test
  void readsABodyWithBothSchemaAndSchemas() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schema\":\"urn:ietf:params:scim:api:messages:2.0:Error\","
                + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"detail\":\"Request is unparsable\",\"status\":\"400\"}",
            json);

    assertThat(body).isEqualTo(new ErrorBody("Request is unparsable", null, null, 400, true));
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of("409", 409),
        Arguments.of("\"409\"", 409),
        Arguments.of("\" 429 \"", 429),
        Arguments.of("\"ThrottlingException\"", null),
        Arguments.of("\"999\"", null),
        Arguments.of("409.5", null),
        Arguments.of("-1", null),
        Arguments.of("null", null),
        Arguments.of("[409]", null),
        Arguments.of("{\"code\":409}", null));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void toleratesAnyStatusValue(String status, Integer expected) {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"detail\":\"d\",\"status\":"
                + status
                + "}",
            json);

    assertThat(body.status()).isEqualTo(expected);
    assertThat(body.detail()).isEqualTo("d");
  }

  @Test
  void keepsAnUnknownScimTypeAsSent() {
    ErrorBody body =
        ErrorBody.parse(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"scimType\":\"vendorSpecificTrouble\",\"status\":\"400\"}",
            json);

    assertThat(body.scimType()).isEqualTo("vendorSpecificTrouble");
    assertThat(body.detail()).isNull();
  }

  @Test
  void takesAGatewayMessageAsTheDetail() {
    ErrorBody body = ErrorBody.parse("{\"message\":\"Missing Authentication Token\"}", json);

    assertThat(body)
        .isEqualTo(new ErrorBody("Missing Authentication Token", null, null, null, false));
  }

  @Test
  void showsForeignJsonWithoutAnExplanationAsItIs() {
    ErrorBody body = ErrorBody.parse("{\"errorCode\":\"E42\",\"retry\":false}", json);

    assertThat(body.detail()).isEqualTo("{\"errorCode\":\"E42\",\"retry\":false}");
    assertThat(body.scimError()).isFalse();
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html>\n<body>Bad gateway</body></html>",
        "{\"detail\": \"cut off",
        "Service Unavailable"
      })
  void keepsTheStartOfANonJsonBody(String raw) {
    ErrorBody body = ErrorBody.parse(raw, json);

    assertThat(body.detail()).isEqualTo(raw.replaceAll("\\s+", " "));
    assertThat(body.scimError()).isFalse();
    assertThat(body.status()).isNull();
  }

  @Test
  void keepsTheShortenedStartOfALongNonJsonBody() {
    String html = "<html>\n<body>" + "x".repeat(1000) + "</body></html>";

    ErrorBody body = ErrorBody.parse(html, json);

    assertThat(body.detail()).startsWith("<html> <body>xxx").hasSize(ErrorBody.MAX_DETAIL + 1);
  }
}
