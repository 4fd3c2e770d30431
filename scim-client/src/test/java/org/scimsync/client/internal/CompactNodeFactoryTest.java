package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactNodeFactoryTest {

  private static final String USER =
      "{\"id\":\"u1\",\"userName\":\"ann@example.org\",\"name\":{\"givenName\":\"Ann\","
          + "\"familyName\":\"Lee\"},\"emails\":[{\"value\":\"ann@example.org\",\"type\":\"work\","
          + "\"primary\":true}],\"active\":true,\"meta\":{\"resourceType\":\"User\"},"
          + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
          + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R&D\"}}";

  private final ObjectMapper mapper = new ObjectMapper();

  private ObjectNode compact(String json) throws Exception {
    return (ObjectNode) mapper.reader().with(CompactNodeFactory.INSTANCE).readTree(json);
  }

  @Test
  void readsTheSameTreeAsJacksonInTheSameOrder() throws Exception {
    ObjectNode plain = (ObjectNode) mapper.readTree(USER);
    ObjectNode compact = compact(USER);

    assertThat(compact).isEqualTo(plain);
    assertThat(plain).isEqualTo(compact);
    assertThat(compact.hashCode()).isEqualTo(plain.hashCode());
    assertThat(names(compact)).isEqualTo(names(plain));
    assertThat(mapper.writeValueAsString(compact)).isEqualTo(mapper.writeValueAsString(plain));
    assertThat(compact.get("name").get("familyName").asText()).isEqualTo("Lee");
    assertThat(compact.path("missing").isMissingNode()).isTrue();
  }

  @Test
  void changesLikeAnyObjectNode() throws Exception {
    ObjectNode tree = compact(USER);

    tree.remove(List.of("meta", "schemas"));
    tree.put("title", "Boss");
    tree.put("active", false);
    tree.remove("id");
    JsonNode copy = tree.deepCopy();

    assertThat(names(tree))
        .containsExactly(
            "userName",
            "name",
            "emails",
            "active",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "title");
    assertThat(tree.get("active").asBoolean()).isFalse();
    assertThat(tree.has("meta")).isFalse();
    assertThat(copy).isEqualTo(tree);
    assertThat(tree.size()).isEqualTo(6);
  }

  @Test
  void iteratorRemovalAndEntryUpdatesWriteThrough() throws Exception {
    ObjectNode tree = compact("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}");

    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().asInt() % 2 == 0) {
        it.remove();
      } else {
        field.setValue(tree.numberNode(field.getValue().asInt() * 10));
      }
    }

    assertThat(tree).isEqualTo(mapper.readTree("{\"a\":10,\"c\":30,\"e\":50}"));
    tree.removeAll();
    assertThat(tree.isEmpty()).isTrue();
    tree.put("z", 1);
    assertThat(tree).isEqualTo(mapper.readTree("{\"z\":1}"));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
