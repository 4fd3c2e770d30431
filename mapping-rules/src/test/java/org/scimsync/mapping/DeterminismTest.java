package org.scimsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MappingRules rules = ConfigExample.rules(SanitizerProfile.AWS_IDENTITY_CENTER);

  @Test
  void equalEntriesGiveByteIdenticalJson() throws Exception {
    TestEntry reordered =
        TestEntry.entry("uuid-ada")
            .with("employeeNumber", "1815")
            .with("departmentNumber", "R&D")
            .with("employeeType", "staff")
            .with("title", "Analyst")
            .with("sn", "Lovelace")
            .with("givenName", "Ada")
            .with("displayName", "Ada Lovelace")
            .with("mail", "ada@example.com");

    byte[] first = JSON.writeValueAsBytes(Rules.resource(rules.mapUser(ConfigExample.ada())));
    byte[] second = JSON.writeValueAsBytes(Rules.resource(rules.mapUser(reordered)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void keysAreSortedAtEveryLevel() {
    assertSorted(Rules.resource(rules.mapUser(ConfigExample.ada())));
  }

  private static void assertSorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      Iterator<String> fields = node.fieldNames();
      fields.forEachRemaining(names::add);
      assertThat(names).isSorted();
    }
    node.elements().forEachRemaining(DeterminismTest::assertSorted);
  }

  @Test
  void parallelMappingGivesTheSameResultsAsSequentialMapping() {
    List<TestEntry> users =
        IntStream.range(0, 2_000)
            .mapToObj(
                i ->
                    Rules.person("u" + i)
                        .with("title", "T" + (i % 7))
                        .with("employeeType", i % 3 == 0 ? "disabled" : "staff"))
            .toList();

    List<String> sequential = users.stream().map(u -> rules.mapUser(u).toString()).toList();
    List<String> parallel = users.parallelStream().map(u -> rules.mapUser(u).toString()).toList();

    assertThat(parallel).isEqualTo(sequential);
    assertThat(sequential.get(3)).contains("\"active\":false");
  }

  @Test
  void eachCallReturnsAFreshResource() {
    MappingResult.Mapped first = Rules.mapped(rules.mapUser(ConfigExample.ada()));
    first.resource().put("userName", "changed by the caller");

    MappingResult.Mapped second = Rules.mapped(rules.mapUser(ConfigExample.ada()));

    assertThat(second.resource().get("userName").asText()).isEqualTo("ada@example.com");
  }
}
