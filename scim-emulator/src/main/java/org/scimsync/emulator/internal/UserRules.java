package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates and normalises a user's attributes (a create or PUT body, or the result of a PATCH).
 *
 * <p>AWS profile, following AWS-IDENTITY-CENTER.md: {@code userName}, {@code displayName}, {@code
 * name.givenName}, {@code name.familyName} required; {@code photos}, {@code ims}, {@code
 * entitlements}, {@code x509Certificates}, {@code password}, {@code groups}, the {@code display}
 * sub-attribute, {@code manager.displayName}, {@code meta.version} and any unknown attribute
 * refused; at most one email, phone number, address and role; the email must carry {@code
 * "primary": true} (decided: an email without it is refused, as AWS documents the requirement);
 * {@code userName} at most 128 characters and not {@code Administrator} or {@code
 * AWSAdministrators} (any case); {@code displayName} 1 to 1024 characters; every string, at any
 * depth, follows the {@link IdentityStoreText} rule. Phone numbers are free-form, as in the
 * Identity Store model (never refused on format). The RFC 7644 profile only requires {@code
 * userName} and keeps everything else (except {@code password}, which is write-only and never
 * stored).
 */
final class UserRules {
  private static final Set<String> REFUSED =
      Set.of("photos", "ims", "entitlements", "x509certificates", "password", "groups");
  private static final Map<String, AttributeShape> AWS_ATTRIBUTES =
      AttributeShape.index(
          AttributeShape.text("externalId"),
          AttributeShape.text("userName"),
          AttributeShape.complex(
              "name",
              "formatted",
              "familyName",
              "givenName",
              "middleName",
              "honorificPrefix",
              "honorificSuffix"),
          AttributeShape.text("displayName"),
          AttributeShape.text("nickName"),
          AttributeShape.text("profileUrl"),
          AttributeShape.text("title"),
          AttributeShape.text("userType"),
          AttributeShape.text("preferredLanguage"),
          AttributeShape.text("locale"),
          AttributeShape.text("timezone"),
          AttributeShape.bool("active"),
          AttributeShape.multi("emails", "value", "type", "primary"),
          AttributeShape.multi("phoneNumbers", "value", "type", "primary"),
          AttributeShape.multi(
              "addresses",
              "formatted",
              "streetAddress",
              "locality",
              "region",
              "postalCode",
              "country",
              "type",
              "primary"),
          AttributeShape.multi("roles", "value", "type", "primary"),
          AttributeShape.complex(
              ResourceDocuments.ENTERPRISE_USER,
              "employeeNumber",
              "costCenter",
              "organization",
              "division",
              "department",
              "manager"));
  private static final Set<String> PATCHABLE =
      Set.of(
          "username",
          "active",
          "externalid",
          "displayname",
          "nickname",
          "profileurl",
          "title",
          "usertype",
          "preferredlanguage",
          "locale",
          "timezone",
          "name",
          "emails",
          "addresses",
          "phonenumbers",
          ResourceDocuments.ENTERPRISE_USER.toLowerCase(Locale.ROOT));
  private static final Set<String> RESERVED_USER_NAMES =
      Set.of("administrator", "awsadministrators");

  private final boolean aws;

  UserRules(boolean aws) {
    this.aws = aws;
  }

  /** Validates a body and returns its attributes with canonical names, without id/meta/schemas. */
  ObjectNode normalize(JsonNode body) {
    if (!body.isObject()) {
      throw ScimProblem.invalidSyntax(ScimProblem.UNPARSABLE);
    }
    ObjectNode out = ResourceDocuments.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("meta")) {
        if (aws && value.has("version")) {
          throw ScimProblem.invalidValue("Attribute 'meta.version' is not supported.");
        }
        continue;
      }
      if (lower.equals("id") || lower.equals("schemas") || value.isNull()) {
        continue;
      }
      if (REFUSED.contains(lower)) {
        if (aws) {
          throw ScimProblem.invalidValue("Attribute '" + name + "' is not supported.");
        }
        if (lower.equals("password") || lower.equals("groups")) {
          continue;
        }
      }
      AttributeShape shape = AWS_ATTRIBUTES.get(lower);
      if (shape == null) {
        if (aws) {
          throw ScimProblem.invalidValue("Attribute '" + name + "' is not supported.");
        }
        out.set(name, value.deepCopy());
        continue;
      }
      JsonNode normalized = aws ? shape.normalize(value) : shape.lenient(value);
      if (normalized != null) {
        out.set(shape.name(), normalized);
      }
    }
    check(out);
    return out;
  }

  private void check(ObjectNode user) {
    String userName = requiredText(user, "userName");
    if (!aws) {
      return;
    }
    if (userName.length() > 128) {
      throw ScimProblem.invalidValue("userName must be at most 128 characters.");
    }
    if (RESERVED_USER_NAMES.contains(userName.toLowerCase(Locale.ROOT))) {
      throw ScimProblem.invalidValue("userName '" + userName + "' is reserved.");
    }
    String displayName = requiredText(user, "displayName");
    if (displayName.length() > 1024) {
      throw ScimProblem.invalidValue("displayName must be 1 to 1024 characters.");
    }
    requiredText(user.path("name"), "name.givenName", "givenName");
    requiredText(user.path("name"), "name.familyName", "familyName");
    for (String multi : new String[] {"emails", "phoneNumbers", "addresses", "roles"}) {
      if (user.path(multi).size() > 1) {
        throw ScimProblem.invalidValue(ScimProblem.UNPARSABLE);
      }
    }
    for (JsonNode email : user.path("emails")) {
      if (!email.path("value").isTextual() || email.path("value").asText().isBlank()) {
        throw ScimProblem.invalidValue("emails.value is required.");
      }
      if (!email.path("primary").asBoolean(false)) {
        throw ScimProblem.invalidValue("The email address must be primary.");
      }
    }
    JsonNode manager = user.path(ResourceDocuments.ENTERPRISE_USER).path("manager");
    if (manager.has("displayName")) {
      throw ScimProblem.invalidValue("Attribute 'manager.displayName' is not supported.");
    }
  }

  private static String requiredText(JsonNode node, String name) {
    return requiredText(node, name, name);
  }

  private static String requiredText(JsonNode node, String label, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ScimProblem.invalidValue("Missing required attribute '" + label + "'.");
    }
    return value.asText();
  }

  /** Whether a top-level attribute (canonical or any case) may be the target of a PATCH (AWS). */
  static boolean patchable(String attribute) {
    return PATCHABLE.contains(attribute.toLowerCase(Locale.ROOT));
  }

  /** The canonical spelling of a top-level attribute name, or the name itself if unknown. */
  static String canonical(String attribute) {
    AttributeShape shape = AWS_ATTRIBUTES.get(attribute.toLowerCase(Locale.ROOT));
    return shape == null ? attribute : shape.name();
  }
}
