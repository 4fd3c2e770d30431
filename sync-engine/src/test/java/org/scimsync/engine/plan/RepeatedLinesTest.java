package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedLinesTest {

  @Test
  void showsFiveOfAShapeThenCountsTheRestAndKeepsOtherShapes() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 9_999; i++) {
      lines.add("user u" + i + "@example.org: title dropped: too long");
    }
    lines.add(2, "group admins: description dropped");

    StringBuilder out = new StringBuilder();
    RepeatedLines.append(out, lines, "! ", RepeatedLines::shapeOf);

    assertThat(out.toString().lines().toList())
        .containsExactly(
            "! user u0@example.org: title dropped: too long",
            "! user u1@example.org: title dropped: too long",
            "! group admins: description dropped",
            "! user u2@example.org: title dropped: too long",
            "! user u3@example.org: title dropped: too long",
            "! user u4@example.org: title dropped: too long",
            "  … and 9,994 more like this");
  }

  @Test
  void linesOfDifferentShapesAreAllShown() {
    List<String> lines = new ArrayList<>();
    for (String attribute : List.of("a", "b", "c", "d", "e", "f", "g")) {
      lines.add("user alice (key k1): " + attribute + " dropped");
    }
    StringBuilder out = new StringBuilder();
    RepeatedLines.append(out, lines, "", RepeatedLines::shapeOf);
    assertThat(out.toString().lines()).hasSize(7);
  }
}
