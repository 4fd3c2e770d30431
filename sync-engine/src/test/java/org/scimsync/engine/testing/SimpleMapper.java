package org.scimsync.engine.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.SourceEntry;

/**
 * Maps test users: userName and email from {@code mail}, names from {@code givenName} and {@code
 * sn}, {@code title} when present. A user with {@code scope: out} is excluded; one without {@code
 * mail} is rejected. Groups whose name starts with {@code x-} are excluded. A user whose {@code
 * title} is {@code warn} is mapped with a warning.
 */
public final class SimpleMapper implements ResourceMapper {

  @Override
  public MappingResult mapUser(SourceUser user) {
    if ("out".equals(first(user, "scope"))) {
      return new MappingResult.Excluded("scope is out");
    }
    String mail = first(user, "mail");
    if (mail == null) {
      return new MappingResult.Rejected("no mail attribute", List.of());
    }
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    resource.put("userName", mail);
    resource.put("displayName", first(user, "givenName") + " " + first(user, "sn"));
    ObjectNode name = resource.putObject("name");
    name.put("givenName", first(user, "givenName"));
    name.put("familyName", first(user, "sn"));
    resource.putArray("emails").addObject().put("value", mail).put("primary", true);
    String title = first(user, "title");
    if (title != null) {
      resource.put("title", title);
    }
    return new MappingResult.Mapped(
        resource, "warn".equals(title) ? List.of("title warn noted") : List.of());
  }

  @Override
  public MappingResult mapGroup(SourceGroup group) {
    if (group.name().startsWith("x-")) {
      return new MappingResult.Excluded("not an aws group");
    }
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    resource.put("displayName", group.name());
    return new MappingResult.Mapped(resource, List.of());
  }

  /** The rules are fixed, so engine tests run with the mapping memo. */
  @Override
  public String rulesFingerprint() {
    return "simple-mapper-1";
  }

  private static String first(SourceEntry entry, String attribute) {
    List<Object> values = entry.values(attribute);
    return values.isEmpty() ? null : values.get(0).toString();
  }
}
