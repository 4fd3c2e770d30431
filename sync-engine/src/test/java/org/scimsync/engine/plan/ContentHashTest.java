package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Content hashes are stored in every link, so their value must never change: they are compared here
 * with a reference canonical form built from Jackson's own rendering of every value.
 */
class ContentHashTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void hashIsTheSha256OfTheCanonicalFormWithSortedKeys() {
    ObjectNode resource = JSON.objectNode();
    resource.put("userName", "ann@example.com");
    resource.put("active", true);
    resource.putObject("name").put("givenName", "Ann").put("familyName", "O\"Neil");
    resource.putArray("emails").addObject().put("value", "ann@example.com").put("primary", true);

    assertThat(ContentHash.of(resource))
        .isEqualTo(
            sha256(
                "{\"active\":true,\"emails\":[{\"primary\":true,\"value\":\"ann@example.com\",},],"
                    + "\"name\":{\"familyName\":\"O\\\"Neil\",\"givenName\":\"Ann\",},"
                    + "\"userName\":\"ann@example.com\",}"));
  }

  @Test
  void everyKindOfValueHashesAsJacksonRendersIt() {
    ObjectNode resource = JSON.objectNode();
    resource.put("int", 42).put("long", 1L << 40).put("negative", -7);
    resource.put("double", 1.5e10).put("decimal", new BigDecimal("12.500"));
    resource.put("float", 0.25f).putNull("nothing").put("no", false);
    resource.put("escapes", "tab\t nl\n quote\" backslash\\ bell\u0007 del\u007f é 漢 \uD83D\uDE00");

    assertThat(ContentHash.of(resource)).isEqualTo(reference(resource, Set.of()));
  }

  @Test
  void ignoredTopLevelAttributesDoNotCount() {
    ObjectNode resource = JSON.objectNode().put("displayName", "Staff");
    ObjectNode withMeta = resource.deepCopy();
    withMeta.putObject("meta").put("version", "W/\"3\"");

    assertThat(ContentHash.ofIgnoring(withMeta, Set.of("meta")))
        .isEqualTo(ContentHash.of(resource))
        .isEqualTo(reference(withMeta, Set.of("meta")));
    assertThat(ContentHash.of(withMeta)).isNotEqualTo(ContentHash.of(resource));
  }

  @Property(tries = 200)
  void anyStringHashesAsJacksonRendersIt(@ForAll("strings") String value) {
    ObjectNode resource = JSON.objectNode();
    resource.put(value, value);
    resource.putArray("list").add(value).add(value.length());

    assertThat(ContentHash.of(resource)).isEqualTo(reference(resource, Set.of()));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.strings().all().ofMaxLength(40);
  }

  /** The canonical form as first written: keys sorted, every scalar rendered by Jackson. */
  private static String reference(JsonNode node, Set<String> ignored) {
    StringBuilder out = new StringBuilder();
    render(node, out, ignored);
    return sha256(out.toString());
  }

  private static void render(JsonNode node, StringBuilder out, Set<String> ignored) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (String name : names) {
        if (!ignored.contains(name)) {
          out.append('"').append(name).append("\":");
          render(node.get(name), out, Set.of());
          out.append(',');
        }
      }
      out.append('}');
    } else if (node instanceof ArrayNode array) {
      out.append('[');
      array.forEach(
          element -> {
            render(element, out, Set.of());
            out.append(',');
          });
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
