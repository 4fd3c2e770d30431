package org.scimsync.cli.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.scimsync.cli.app.internal.TargetRuns;
import org.scimsync.cli.exit.ExitCode;
import org.scimsync.cli.exit.ExitCodes;
import org.scimsync.engine.PlanJson;

/**
 * Prints what a command did for each of several targets: in text, a heading per target and its
 * report or error; in JSON, {@code {"targets": [{"target", "exitCode", "report" | "error"}],
 * "exitCode"}}. A failed target is reported like any other: the others' reports are never lost.
 */
final class TargetReports {

  private final Console console;
  private final ObjectMapper json = PlanJson.mapper();

  TargetReports(Console console) {
    this.console = console;
  }

  /**
   * Prints the outcomes in order and returns the most serious exit code.
   *
   * @param exitOf the exit code of a value
   * @param render a value as the console prints it (JSON text when the console is in JSON mode)
   */
  <T> ExitCode print(
      TargetRuns.Ran<T> ran, Function<T, ExitCode> exitOf, BiFunction<T, Integer, String> render) {
    List<TargetRuns.Outcome<T>> outcomes = ran.outcomes();
    List<ExitCode> codes = new ArrayList<>();
    ArrayNode documents = json.createArrayNode();
    for (TargetRuns.Outcome<T> outcome : outcomes) {
      String name = outcome.target().name();
      T value = outcome.value();
      ExitCode code = value == null ? ExitCodes.of(outcome.failure()) : exitOf.apply(value);
      codes.add(code);
      if (console.json()) {
        ObjectNode document = documents.addObject();
        document.put("target", name);
        document.put("exitCode", code.code());
        if (value == null) {
          document.put("error", ExitCodes.describe(outcome.failure()));
        } else {
          document.set("report", parse(render.apply(value, code.code())));
        }
      } else {
        console.out().println("== target " + name + " ==");
        if (value == null) {
          console.out().println("error: " + ExitCodes.describe(outcome.failure()));
          console.out().println("(exit " + code.code() + ")");
        } else {
          console.out().print(render.apply(value, code.code()));
        }
        console.out().println();
      }
    }
    ExitCode worst = ExitCodes.worst(codes);
    if (console.json()) {
      ObjectNode all = json.createObjectNode();
      all.set("targets", documents);
      all.put("directoryReads", ran.directoryReads());
      all.put("exitCode", worst.code());
      try {
        console.out().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(all));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the reports cannot be written as JSON", e);
      }
    } else {
      console
          .out()
          .println(
              "targets: "
                  + outcomes.size()
                  + ", directory read "
                  + ran.directoryReads()
                  + (ran.directoryReads() == 1 ? " time" : " times")
                  + ", exit "
                  + worst.code());
    }
    console.out().flush();
    return worst;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report is not JSON", e);
    }
  }
}
