package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.PlanJson;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;

/** A saved plan names its format and version; anything else is refused before it is applied. */
class SavedPlanFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlanInputs inputs =
      new PlanInputs()
          .syncedUser("k1", "u1", "ann@example.com")
          .desiredUser("k2", "bob@example.com", "Engineer")
          .syncedGroup("g1", "t1", "Staff", "k1", "k2");

  private String saved() {
    return PlanJson.write(
        Planner.plan(inputs.desired(), inputs.observed(), inputs.stored(), SyncPolicy.defaults()));
  }

  private static SyncException refusal(String json) {
    try {
      PlanJson.read(json);
    } catch (SyncException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
      return e;
    }
    throw new AssertionError("read " + json);
  }

  @Test
  void aSavedPlanStartsWithItsFormatAndVersionAndReadsBack() throws Exception {
    String json = saved();
    ObjectNode document = (ObjectNode) JSON.readTree(json);

    assertThat(document.fieldNames()).toIterable().startsWith("format", "formatVersion");
    assertThat(document.get("format").asText()).isEqualTo("scim-sync-plan");
    assertThat(document.get("formatVersion").asInt()).isEqualTo(PlanJson.FORMAT_VERSION);
    Plan read = PlanJson.read(json);
    assertThat(read.changes()).hasSameSizeAs(JSON.readTree(json).get("changes"));
    assertThat(PlanJson.write(read)).isEqualTo(json);
  }

  @Test
  void aPlanSavedByAnEarlierVersionIsRefusedWithAReason() throws Exception {
    ObjectNode earlier = (ObjectNode) JSON.readTree(saved());
    earlier.remove("format");
    earlier.remove("formatVersion");

    assertThat(refusal(earlier.toString()))
        .hasMessageContaining("earlier version of scim-sync")
        .hasMessageContaining("plan again");
  }

  @Test
  void anotherVersionIsRefusedNamingBoth() throws Exception {
    ObjectNode newer = (ObjectNode) JSON.readTree(saved());
    newer.put("formatVersion", 2);

    assertThat(refusal(newer.toString()))
        .hasMessageContaining("format version 2")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void foreignJsonIsRefused() {
    assertThat(refusal("{\"plan\": []}")).hasMessageContaining("no \"format\": \"scim-sync-plan\"");
    assertThat(refusal("[1, 2]")).hasMessageContaining("not a JSON object");
    assertThat(refusal("{not json")).hasMessageContaining("not a saved plan");
  }
}
