package org.scimsync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void copiesAPlainMapIntoAnImmutableCaseInsensitiveOneWithoutEmptyValues() {
    Map<String, List<Object>> source = new HashMap<>();
    List<Object> mail = new ArrayList<>(List.of("a@example.com"));
    source.put("mail", mail);
    source.put("title", List.of());

    Map<String, List<Object>> copy = Attributes.copyOf(source);
    mail.add("b@example.com");

    assertThat(copy.get("MAIL")).containsExactly("a@example.com");
    assertThat(copy).doesNotContainKey("title").hasSize(1);
    assertThatThrownBy(() -> copy.put("cn", List.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.get("mail").add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBuiltMapIsHandedOverAndNotCopiedAgain() {
    Attributes.Builder builder =
        new Attributes.Builder()
            .add("objectClass", List.of("top"))
            .add("OBJECTCLASS", List.of("person"))
            .putIfAbsent("cn", List.of("Alice"))
            .putIfAbsent("CN", List.of("ignored"));

    Map<String, List<Object>> built = builder.build();

    assertThat(Attributes.copyOf(built)).isSameAs(built);
    assertThat(built.get("objectclass")).containsExactly("top", "person");
    assertThat(built.get("cn")).containsExactly("Alice");
    assertThat(built)
        .isEqualTo(Map.of("objectClass", List.of("top", "person"), "cn", List.of("Alice")));
    assertThatThrownBy(() -> builder.put("sn", List.of("Adams")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(new SourceUser("k", null, built, List.of()).attributes()).isSameAs(built);
  }
}
